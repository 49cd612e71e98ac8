# ruff: noqa: E501  (the pattern tables keep one regular expression per line)
"""Hand-written cues for the 33 provision labels, with negation and scope handling.

Each label has two tiers of regular expressions, written from the label definitions in
the corpus README (the spec), in the standard language of treaty drafting:

* **strong** patterns state the provision itself ("an armed attack against one ...
  shall be considered an attack against them all"), or are a heading naming it
  ("Termination" on a short line of its own); each is reported on its own, and the model
  weighs it by the precision it measures for it on the training units, which matters for
  labels too rare to learn from examples;
* **cue** patterns are the vocabulary of the topic ("customs", "claims"); they are
  features for the statistical model, never decisive on their own.

Negation and scope: a match is discarded (reported as negated) when, in the same
sentence and before it, a negating frame governs it ("nothing in this Agreement shall be
construed as obliging", "does not commit", "no obligation to"), except for labels whose
provisions are themselves negative (non-aggression, neutrality, exemptions, saving
clauses); when words before it put it out of its label's scope (an amendment's entry into
force), or words anywhere in the sentence do (an organisation's staff for the status of
forces); and when the sentence defines a term ('"Premises" means ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foedus.domain.provisions import PROVISION_LABELS

__all__ = [
    "CUES",
    "STRONG_LABELS",
    "STRONG_PATTERNS",
    "TRIGGERS",
    "PatternHit",
    "find_hits",
    "label_slices",
    "sentences",
]

_I = re.IGNORECASE


def _compile(patterns: dict[str, list[str]]) -> dict[str, re.Pattern[str] | None]:
    """One alternation per label (one search per sentence); None where a label has none."""
    return {
        label: re.compile("|".join(f"(?:{p})" for p in patterns[label]), _I)
        if patterns.get(label)
        else None
        for label in PROVISION_LABELS
    }


_PARTY = r"(?:one|any|either|a|the other|another|each|both)(?: or more)?(?: of)?(?: the)?"
_ASSIST = r"(?:assist|aid|help|come to the (?:aid|assistance)|render\w* .{0,40}assistance|support)"


def _heading(words: str) -> str:
    """A heading line (a short sentence of its own, as segmentation leaves it) naming ``words``."""
    frame = r"[a-z ,/&'’()-]{0,40}"
    return rf"^[\W\d]*(?:(?:article|art\.|section|chapter|part)\s+\S+\s*)?{frame}\b(?:{words})\b{frame}$"


#: Headings that name a provision (the article's own title: "Termination", "Claims").
_HEADINGS: dict[str, str] = {
    "training_education": r"(?:military )?training|education|capacity[- ]building",
    "joint_exercises": r"exercises?",
    "intelligence_sharing": r"(?:information|intelligence) sharing|exchange of intelligence",
    "logistics_support": r"logistics?|medical|accommodation|mess|supplies|transport|categories of support",
    "technology_transfer": r"intellectual property|patents?|technology transfer|transfer of technology|technical information|third party (?:sales|transfers)",
    "procurement_armaments": r"procurement|purchases?|brokering|exports?|imports?|production|armaments|diversion|transfers? of arms",
    "basing_access": r"location|stationing|use of (?:the )?(?:site|facilities|land|areas)|bases",
    "space": r"(?:outer )?space|satellites?",
    "status_of_forces": r"uniforms?|driving (?:licen\w+|permits)|(?:weapons|arms) and (?:ammunition|uniforms)|entry and exit|status of (?:the )?forces|passports|visas",
    "criminal_jurisdiction": r"(?:criminal |legal )?jurisdiction|discipline",
    "claims_liability": r"claims|liability|liabilities|compensation",
    "tax_customs_exemption": r"tax(?:es|ation)?|customs|duties|value added tax|importation|exportation",
    "classified_information": r"classified|classification|confidentiality|(?:protection|disclosure|dissemination|transmission) of (?:classified )?information|dissemination|information security|security of classified \w+",
    "dispute_resolution": r"disputes?|arbitration|dispute (?:resolution|settlement)",
    "international_law_compliance": r"relationship (?:with|to) other (?:international )?(?:agreements|treaties|obligations)|international law",
    "institutional_body": r"committee|council|commission|secretariat|composition|structure|organi[sz]ation of",
    "financial_arrangements": r"financ\w*|costs?|cost sharing|expenses|expenditure|invoicing|reimbursement|budget|funding|charges",
    "entry_into_force": r"entry into force|effective date|ratification|provisional application|coming into force",
    "duration_termination": r"duration|termination|withdrawal|denunciation|dissolution|validity|expiry",
    "amendment": r"amendments?|revision|modifications?",
}  # fmt: skip

_PROVISION_PATTERNS: dict[str, list[str]] = {
    "mutual_defense": [
        rf"armed attack (?:against|on) {_PARTY}.{{0,80}}(?:considered|deemed|regarded) .{{0,30}}attack against",
        rf"(?:object|victim|subject\w*) of (?:an? )?(?:armed )?(?:attack|aggression).{{0,250}}{_ASSIST}",
        rf"{_ASSIST}\w* .{{0,40}}(?:part(?:y|ies)|state|ally) (?:so )?attacked",
        r"armed attack .{0,80}(?:is|be) deemed to include",
        r"collective (?:self-)?defen[cs]e .{0,80}(?:shall|will) (?:assist|take action)",
    ],
    "offensive_support": [
        r"(?:jointly|together|in concert) .{0,40}(?:wage|conduct|undertake|prosecute) .{0,20}(?:war|hostilities|offensive)",
        r"(?:participate|join) .{0,30}(?:in (?:the|any) )?(?:war|offensive) (?:against|on)",
    ],
    "neutrality": [
        r"(?:maintain|observe|remain|preserve|respect)\w* .{0,120}neutral(?:ity)?\b",
        r"(?:permanently|perpetual(?:ly)?) neutral",
        r"(?:in no manner|not|never|refrain from) .{0,20}(?:lend|give|render|provide|furnish)\w* .{0,20}(?:support|aid|assistance) to (?:th(?:is|e|at)|such|any) (?:third|attacking|aggressor)",
        r"declares? the neutrality",
    ],
    "non_aggression": [
        r"(?:act of violence|aggressive action|attack)s? .{0,40}(?:on|against) (?:each other|one another)",
        r"non-?aggression",
        r"(?:not|never) .{0,30}(?:attack|commit (?:any )?(?:act of )?aggression against) (?:each other|one another|the other)",
        r"refrain\w* from (?:the )?(?:threat or )?use of force against",
        r"(?:participate|join) in any grouping of powers .{0,80}aimed at",
    ],
    "consultation": [
        r"consult\w*\b.{0,80}?\b(?:whenever|when|if|in (?:the )?(?:event|case))\b.{0,200}(?:threat|attack|security|crisis|danger|aggression|violation)",
        r"(?:threat|attack|crisis|violation|danger).{0,250}(?:consult|confer) (?:together|with each other|immediately|one another)",
    ],
    "joint_exercises": [
        r"(?:joint|combined|multinational|bilateral) (?:military )?(?:exercises?|manoeuvres?|maneuvers?)",
        r"(?:conduct|hold|participat\w+ in|carry out|organi[sz]e)\w* .{0,40}(?:military )?exercises",
    ],
    "intelligence_sharing": [
        r"(?:exchange|share|sharing|provid\w+|transmit\w*|flow) .{0,40}(?:intelligence|information (?:relating to|on|about|concerning) (?:incidents|threats?|piracy|terroris))",
        r"(?:collect|collate|analy[sz]e)\w* .{0,40}information .{0,60}(?:threat|incident|piracy|terroris)",
    ],
    "training_education": [
        r"(?:military )?(?:training|education) (?:of|for) .{0,40}(?:forces|personnel|units|officers|students)",
        r"exchange of (?:students|instructors|cadets|officers)",
        r"(?:exercises|training),? (?:training|education)|training and education|(?:permitted|allowed|authori[sz]ed) to train|military education",
        r"\btrain(?:ing)? (?:activities|programmes?|programs?|courses?|areas?|facilities|exercises)",
    ],
    "logistics_support": [
        r"logistic(?:s|al)? (?:support|services|assistance)",
        r"host[- ]nation support",
        r"provision of .{0,40}(?:goods|services|supplies|facilities)",
        r"(?:acquisition|cross)[- ]servicing",
        r"(?:provide|furnish|supply|make available)\w* .{0,60}(?:supplies|services|accommodation|quarters|fuel|rations|transport\w*|food|medical (?:care|support)|facilities and services)",
        r"(?:supplies|services|accommodation|fuel|rations|transport\w*)\b.{0,60}(?:provided|furnished|made available)",
        r"(?:medical|dental|mess|messing|catering|postal|fuel|quarters|accommodation) (?:and dental )?(?:support|care|services|facilities|privileges)",
    ],
    "technology_transfer": [
        r"(?:transfer|exchange|communication|disclos\w+|furnish\w*) .{0,60}(?:technical (?:data|information)|technology|know-how)",
        r"(?:royalty-free )?licen[cs]es? .{0,60}(?:inventions|patents?|technical)",
        r"co-?production",
        r"(?:communicat|exchang|transfer|disclos|furnish)\w* .{0,60}(?:technical information|technical data|inventions|technolog\w+|know-how|parts of .{0,20}systems)",
        r"technical information (?:communicated|made available|disclosed|transmitted|furnished)|(?:patent applications?|applications? for (?:a )?patents?)",
    ],
    "procurement_armaments": [
        r"(?:purchase|sale|sell|procure\w*|buy) .{0,60}(?:arms|weapons?|equipment|munitions|armaments?|materi[ae]l|defen[cs]e (?:items|articles|products))",
        r"(?:acqui\w+|supply) .{0,60}(?:arms|weapons?|equipment|munitions|armaments?|materi[ae]l)",
        r"(?:production|manufactur\w+) .{0,40}(?:equipment|weapons|arms|materi[ae]ls?)",
        r"defen[cs]e[- ]industr\w* (?:cooperation|co-operation|base|participation|collaboration)",
        r"(?:export|import|transfer|brokering)s? of (?:conventional )?(?:arms|weapons|munitions|military equipment|defen[cs]e (?:items|articles|equipment))",
        r"(?:defen[cs]e|military) procurement",
    ],
    "maintenance_equipment": [
        r"(?:maintenance|repair)\w*,? (?:and |or )?(?:repair|overhaul|maintenance)",
        r"(?:maintain|maintenance of|repair|overhaul)\w* (?:and \w+ )?(?:of )?(?:the |its |their |such )?(?:military |defen[cs]e )?(?:equipment|materiel|aircraft|vehicles|weapons|weapon systems|vessels|ships)",
    ],
    "research_development": [
        r"research(?:,)? (?:and|&) development",
        r"(?:joint|cooperative) (?:research|development|testing)",
        r"testing and evaluation",
        r"development (?:projects?|programmes?|programs?)",
        r"science and technology",
    ],
    "basing_access": [
        r"(?:station\w*|deploy\w*|host\w*) .{0,60}(?:forces|troops|personnel|equipment|units)",
        r"(?:permitted|allowed|authori[sz]ed|right|entitled|grants?|agrees?) .{0,40}(?:to )?(?:station|deploy|base|host|use)\w* .{0,60}(?:forces|troops|units|equipment|land|facilities|installations|bases?|areas|airfields|ports|air ?space)",
        r"(?:use of|access to) .{0,60}(?:facilities|installations|bases?|areas|airfields|ports|training areas)",
        r"(?:freedom of movement|access to and use of)",
        r"facilities and areas",
        r"\bstationed (?:in|on|at|within)\b",
        r"(?:permit|allow|authori[sz])\w* .{0,80}\b(?:to station|to establish|to use|landing|to deploy|passage)",
        r"(?:land|buildings|installations|premises|sites?|facilities) .{0,40}made available",
        r"preposition\w*",
    ],
    "military_aid": [
        r"(?:military|mutual defen[cs]e|defen[cs]e) (?:assistance|aid)",
        r"(?:provide|furnish|make available|grant)\w* .{0,60}(?:military|defen[cs]e) (?:assistance|aid)",
        r"mutual aid",
        r"assistance .{0,15}(?:furnished|provided|rendered|made available)|contribut\w* assistance",
        r"(?:deliver|furnish|transfer|provid)\w* .{0,40}war supplies|war supplies .{0,60}(?:delivered|furnished|transferred)",
        r"(?:self-help and mutual aid|collective capacity to resist)",
        r"(?:furnish|provide|transfer)\w* .{0,80}(?:equipment|materials|services|munitions).{0,80}(?:assist|grant|without cost|aid)",
    ],
    "integrated_command": [
        r"(?:unified|joint|combined|integrated) (?:allied )?(?:command|commander|forces|headquarters)",
        r"(?:placed|put|serve|operate)\w* under (?:the )?(?:operational )?(?:command|control) of",
        r"exercise command and control",
        r"orders, directives,? and policies of the commander",
    ],
    "peace_operations_humanitarian": [
        r"peace[- ]?(?:keeping|support operations?|operations?|enforcement)",
        r"humanitarian (?:assistance|aid|operations?|relief|purposes|missions?)",
        r"disaster relief",
        r"crisis (?:management|response)",
        r"\bescort\w* .{0,40}(?:vessels|ships|convoys)|protection of .{0,60}(?:ships|vessels|convoys)",
        r"stand-?by (?:forces|high readiness)|\bSHIRBRIG\b",
        r"United Nations (?:forces|operations?|command|mission)",
    ],
    "cyber_security": [
        r"\bcyber",
        r"security of (?:networks|information systems|computer)",
        r"(?:network|information system|computer) security",
    ],
    "emerging_technology": [
        r"artificial intelligence",
        r"autonomous (?:systems|weapons|vehicles)",
        r"emerging (?:and disruptive )?technolog",
        r"quantum (?:technolog|computing)",
    ],
    "space": [
        r"outer space",
        r"satellites?",
        r"space (?:objects?|activities|segment|situational awareness|cooperation|research|technology)",
        r"celestial bodies",
    ],
    "status_of_forces": [
        r"respect (?:the )?(?:\w+ )?laws?\b",
        r"(?:in|wear\w*) (?:the |their )?(?:national )?uniforms?",
        r"(?:observe|conform to|comply with|abide by) .{0,30}(?:laws|legislation)",
        r"(?:passports?|visas?|identity cards?|identification cards?|travel (?:orders|documents))",
        r"(?:entry|entrance) into and (?:exit|departure) from",
        r"(?:wear|wearing) (?:of )?(?:the )?(?:uniforms?|civilian dress)",
        r"(?:possess|carry)\w* (?:arms|weapons)",
        r"(?:use|carry|possession) of (?:arms|weapons)",
        r"driving (?:permits?|licen[cs]es?)|(?:operate|drive) (?:motor )?vehicles",
        r"privileges(?:,)? (?:and|or) immunities",
        r"immunit\w+ from (?:jurisdiction|arrest|legal process)",
        r"(?:enter|entry) (?:into|to) .{0,60}(?:depart|exit|leave)",
        r"(?:legal )?status of (?:the )?(?:forces|personnel|members)",
        r"(?:sending state|visiting force|armed forces)\b.{0,80}\b(?:status|privileges|immunities)",
    ],
    "criminal_jurisdiction": [
        r"(?:criminal|disciplinary) jurisdiction",
        r"jurisdiction .{0,60}(?:offences?|offenses?|members of)",
        r"(?:offences?|offenses?) .{0,80}(?:tried|trial|courts?)",
        r"(?:arrest|custody|detention) of .{0,40}(?:members|personnel)",
        r"immunit\w* from (?:prosecution|criminal)|prosecution of (?:such )?(?:members|personnel|individuals|persons)",
    ],
    "claims_liability": [
        r"\bclaims?\b .{0,80}(?:damage|injury|death|loss)",
        r"(?:waive|waiver)\w* .{0,40}claims|waive\w* (?:all )?(?:recourse|rights? of action)",
        r"redress for (?:damage|injury|prejudice)|(?:compensation|redress) .{0,40}(?:prejudice|damage|injury)",
        r"claims? (?:arising|resulting) (?:out of|from)|(?:settlement|handling|processing) of (?:all )?claims|claims shall be (?:dealt with|settled|handled|processed)",
        r"(?:compensation|indemnif\w+|liab\w+) .{0,60}(?:damage|injury|death|loss)",
        r"(?:damage|injury|loss) .{0,80}(?:compensat\w+|liab\w+|indemnif\w+)",
    ],
    "tax_customs_exemption": [
        r"exempt\w* .{0,60}(?:tax|duties|duty|customs|levies)",
        r"(?:customs|import|export) (?:duties|duty|formalities|clearance|regulations)",
        r"(?:free|relief) (?:of|from) .{0,30}(?:tax|duties|duty)",
        r"(?:import|export)\w* .{0,40}free of (?:duty|duties|customs)",
    ],
    "classified_information": [
        r"classified (?:information|material|military information|documents?|items|contracts?)",
        r"security (?:clearances?|classifications?|standards|regulations|arrangements|measures)",
        r"(?:protection|safeguarding) of .{0,40}(?:information|secrecy|secret)",
        r"(?:confidentiality|confidential nature) of (?:the )?information",
        r"\bconfidential(?:ity)?\b",
        r"need[- ]to[- ]know",
        r"(?:preserv|maintain|safeguard)\w* (?:the )?security (?:of|as to|classification)",
        r"^[\W\d]*(?:(?:article|section)\s+\S+\s*)?(?:general )?security(?: principles| arrangements)?$",
        r"(?:secret|secrecy) (?:of|on) (?:the )?(?:invention|information)",
    ],
    "dispute_resolution": [
        r"(?:dispute|difference)s? .{0,150}(?:settled|resolved|negotiat\w+|consultation|arbitra\w+)",
        r"arbitra(?:l tribunal|tion|tor)",
        r"settle .{0,60}disputes? .{0,40}(?:peaceful|negotiation)",
        r"peaceful (?:means|settlement)",
        r"(?:problems?|questions?|disputes?|differences?)\b.{0,60}\b(?:aris\w+|relat\w+) .{0,60}(?:interpretation|application|implementation) of",
    ],
    "international_law_compliance": [
        r"(?<!102 of the )(?:Charter of the United Nations|United Nations Charter)",
        r"\binternational law\b",
        r"obligations under (?:the )?(?:Charter|international|other international|existing)",
        r"Security Council",
        r"(?:shall not|does not|nothing in) .{0,80}(?:affect|prejudice|derogate)\w* .{0,80}(?:rights|obligations) .{0,40}(?:under|of) .{0,30}(?:agreements?|treat|charter|international|convention)",
        r"without prejudice to .{0,60}(?:rights|obligations|international)",
        r"(?:not|never|none) .{0,80}(?:in conflict|inconsistent|incompatible) with .{0,60}(?:obligations|international|treat|agreements|provisions)",
        r"(?:shall not|does not|nothing in) .{0,80}(?:affect|prejudice|prevent|derogate)\w* .{0,60}(?:existing|other|bilateral|international|new) (?:agreements|arrangements|engagements|obligations|treaties)",
        r"existing (?:bilateral |international )?(?:agreements|arrangements|treaties) shall remain unaffected",
    ],
    "institutional_body": [
        r"(?:establish|set up|create|constitute)\w* (?:a |an |the )?(?:joint |standing |permanent |consultative |steering |bilateral |technical |working |mixed )*(?:council|committee|commission|organi[sz]ation|secretariat|board|centre|center|working group|steering group|mechanism|conference)",
        r"(?:council|committee|commission|secretariat|steering group|governing board|steering committee)\b.{0,40}(?:shall|is hereby|will) (?:be )?(?:established|composed|consist|meet)",
        r"(?:council|committee|commission|secretariat|conference of (?:states )?parties)\b.{0,40}(?:shall|will|may) (?:meet|convene|adopt|consist|be composed|be convened)",
        r"(?:is|are) hereby (?:established|set up|created)",
    ],
    "financial_arrangements": [
        r"(?:costs?|expenses?|expenditures?|charges?) .{0,60}(?:borne|shared|paid|reimburs\w+|met|levied|divided|cost[- ]share)",
        r"(?:bear|pay|share|reimburse|meet|levy|levied)\w* .{0,40}(?:costs?|expenses?|expenditures?|charges)",
        r"cost[- ]shar\w*|cost share formula|common budget",
        r"(?:without|free of|no|at no) (?:charge|cost)",
        r"(?:compensation|payment)s? .{0,20}(?:will|shall) (?:be )?(?:paid|made)",
        r"(?:common|international|annual|capital|operating|own) budget|budget (?:shall|will)",
        r"financial (?:obligations|arrangements|contributions|provisions|rules|consequences|responsibilit\w+)",
        r"(?:appropriated|available) funds|funding procedures|\bfinancing\b",
        r"(?:contribution|payment)s? .{0,40}(?:shall|will|to be) (?:be )?(?:made|paid|calculated)",
        r"(?:invoice|reimbursement|compensation will be paid|payment)s? .{0,40}(?:costs?|expenses|services|charges)",
    ],
    "entry_into_force": [
        r"(?<!amendment )(?<!amendments )(?:this|the present|the said|which|it|the foregoing) (?:\w+ ){0,4}(?:shall|will|is to) (?:enter|come) into (?:force|effect)",
        r"(?:shall|will) (?:enter|come) into (?:force|effect) (?:on|upon|from|as from|as of|at the|with effect|when|after the (?:date|receipt|deposit|last|exchange|signature))",
        r"(?:entered|came|comes) into (?:force|effect) on",
        r"instruments? of (?:ratification|acceptance|approval) .{0,60}(?:deposited|exchanged)",
        r"(?:subject to|requires?) (?:its )?ratification|shall be ratified|ratified by the",
        r"(?:this|the present) (?:\w+ ){0,4}(?:shall|will) (?:take|have) effect (?:on|from|upon|as from|as of)",
        r"(?:this|the present) (?:\w+ ){0,4}(?:shall|will) (?:be (?:effective|in force)|become effective) (?:on|from|upon|as from|as of)",
        r"(?:shall|will) be in force (?:from|on|as from|as of)",
        r"appl(?:y|ied) provisionally|provisional application|(?:shall|will) (?:be )?(?:effective|applied provisionally) (?:on|from|upon)",
        r"open for signature",
        r"(?:note|letter)s? .{0,60}(?:reply|replies|answer) .{0,60}(?:shall|will) (?:be (?:considered|regarded) as )?constitut\w*",
    ],
    "duration_termination": [
        r"(?:this|the present) (?:\w+ ){0,4}(?:may|shall|will) (?:be )?terminat\w*",
        r"(?:may|shall|will|to) terminate (?:this|the present|its participation|the agreement)",
        r"notice of (?:termination|withdrawal|denunciation|its intention to terminate)|terminat\w* .{0,60}(?:written )?(?:notice|notification)",
        r"terminat(?:e|ed|ion)",
        r"denounc\w+|denunciation",
        r"withdraw(?:al)? from",
        r"(?:agreement|treaty|convention|protocol|memorandum|mou|arrangement|exchange of notes|it)\b.{0,120}(?:shall|will|is to|to) (?:(?:remain|continue) in (?:force|effect)|have effect for|be in force (?:for|until))",
        r"(?:agreement|treaty|convention|protocol|memorandum|mou|arrangement|it)\b.{0,120}for (?:a|an) (?:further |initial |additional )?period of .{0,30}(?:years?|months?)",
        r"(?:renewed|extended|prolonged|renewable) (?:automatically |tacitly )?(?:for|by) (?:successive|further|a further|an additional|additional|periods?|one|two|three|four|five|ten|\d+)",
        r"(?:shall|will) expire",
        r"(?:expire|renew\w*|prolong\w*|extended)\b",
        r"(?:agreement|treaty|convention|memorandum|mou|arrangement|it)\b.{0,120}(?:shall|will) (?:be |remain )?valid (?:for|until)",
        r"(?:is|are) hereby terminated|(?:may|shall|will) be suspended|suspen\w+ (?:of )?(?:this|the present)",
        r"of (?:unlimited|indefinite) duration|(?:remain in force|concluded) (?:indefinitely|for an indefinite period)",
    ],
    "amendment": [
        r"(?:this|the present) (?:\w+ ){0,4}(?:may|shall|can) (?:only )?be (?:amended|modified|revised|supplemented)",
        r"amendments? (?:to|of) (?:this|the present|the agreement|the treaty|the convention|the annex)\w* .{0,40}(?:shall|will|may|must)",
        r"(?:may|can) propos\w+ (?:an? )?amendments?|amendments? (?:shall|will|may) (?:be )?(?:adopted|proposed|submitted|enter into force|come into force)",
        r"(?:amend|modify|revise) (?:this|the present)",
        r"may be (?:amended|modified|revised) (?:by|at any time|in writing|with|through)",
        r"amend(?:ed|ment|ments)?\b",
        r"(?:modif\w+|revis\w+) .{0,40}(?:agreement|treaty|convention|protocol|annex|memorandum)",
        r"review (?:conference|of the (?:agreement|treaty|operation))",
        r"revision of (?:any|this|the)|review(?:ing)? (?:of )?(?:this|the) (?:agreement|treaty|convention|protocol)|subject to review|modifying the provisions of",
    ],
    "un_registration": [
        r"regist\w+ .{0,80}(?:Secretariat|Secretary-General) of the United Nations",
        r"Article 102 of the (?:Charter|United Nations)",
        r"^[\W\d]*(?:article\s+\S+\s*)?registration$",
    ],
}  # fmt: skip
_STRONG_SOURCE: dict[str, list[str]] = {
    label: [
        *_PROVISION_PATTERNS.get(label, []),
        *([_heading(_HEADINGS[label])] if label in _HEADINGS else []),
    ]
    for label in PROVISION_LABELS
}
_HEADING_LENGTH = 100  # longer sentences are not headings: their heading patterns are skipped
#: Every strong pattern on its own, grouped by label in taxonomy order; a hit names its
#: pattern by index here, so the model can measure each pattern's precision.
STRONG_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, _I)
    for label in PROVISION_LABELS
    for pattern in _STRONG_SOURCE.get(label, [])
)
#: The label of each entry of :data:`STRONG_PATTERNS`.
STRONG_LABELS: tuple[str, ...] = tuple(
    label for label in PROVISION_LABELS for _ in _STRONG_SOURCE.get(label, [])
)


def _pattern_ranges() -> dict[str, range]:
    """Each label's index range in :data:`STRONG_PATTERNS` (empty for a label without)."""
    ranges: dict[str, range] = {}
    position = 0
    for label in PROVISION_LABELS:
        count = len(_STRONG_SOURCE.get(label, []))
        ranges[label] = range(position, position + count)
        position += count
    return ranges


_STRONG_RANGE = _pattern_ranges()
#: Indices of the heading patterns (each label's last, where it has one).
_HEADING_INDEX = frozenset(_STRONG_RANGE[label][-1] for label in _HEADINGS)


def label_slices() -> list[slice]:
    """For each label in taxonomy order, its slice of :data:`STRONG_PATTERNS`."""
    return [
        slice(_STRONG_RANGE[label].start, _STRONG_RANGE[label].stop) for label in PROVISION_LABELS
    ]


CUES: dict[str, re.Pattern[str] | None] = _compile({
    "mutual_defense": [r"armed attack", r"self-defen[cs]e", r"collective defen[cs]e", r"attacked"],
    "offensive_support": [r"offensive", r"\bwar\b"],
    "neutrality": [r"neutral", r"third power"],
    "non_aggression": [r"aggress", r"use of force", r"\bviolence\b"],
    "consultation": [r"\bconsult", r"\bthreat"],
    "joint_exercises": [r"exercises?\b", r"manoeuvr|maneuver"],
    "intelligence_sharing": [r"intelligence", r"information"],
    "training_education": [r"\btrain", r"instruct", r"educat", r"course"],
    "logistics_support": [r"logistic", r"suppl(?:y|ies)", r"transport", r"services"],
    "technology_transfer": [r"technical", r"technolog", r"licen[cs]", r"patent", r"invention"],
    "procurement_armaments": [r"procure", r"purchas", r"equipment", r"contract", r"production", r"arms\b"],
    "maintenance_equipment": [r"mainten", r"repair", r"overhaul"],
    "research_development": [r"research", r"development", r"scientific", r"test"],
    "basing_access": [r"station", r"facilit", r"\bbases?\b", r"installation", r"area"],
    "military_aid": [r"assistance", r"\baid\b", r"grant", r"furnish"],
    "integrated_command": [r"command", r"commander", r"headquarters"],
    "peace_operations_humanitarian": [r"peace", r"humanitarian", r"relief", r"escort", r"mission"],
    "cyber_security": [r"cyber", r"network", r"computer"],
    "emerging_technology": [r"autonomous", r"artificial", r"emerging"],
    "space": [r"\bspace\b", r"satellite", r"orbit", r"launch"],
    "status_of_forces": [r"members? of the (?:force|personnel)", r"personnel", r"sending state", r"receiving state", r"uniform", r"immunit"],
    "criminal_jurisdiction": [r"jurisdiction", r"criminal", r"offen[cs]e", r"disciplin", r"court"],
    "claims_liability": [r"claim", r"damage", r"liab", r"compensat", r"injur"],
    "tax_customs_exemption": [r"\btax", r"customs", r"dut(?:y|ies)", r"exempt", r"import", r"export"],
    "classified_information": [r"classified", r"security", r"secre", r"confidential", r"disclos"],
    "dispute_resolution": [r"dispute", r"arbitra", r"settle", r"interpretation"],
    "international_law_compliance": [r"united nations", r"international law", r"charter", r"obligations"],
    "institutional_body": [r"council", r"committee", r"commission", r"secretariat", r"establish"],
    "financial_arrangements": [r"cost", r"expens", r"fund", r"financ", r"pay", r"reimburs"],
    "entry_into_force": [r"into force", r"ratif", r"signature", r"effect"],
    "duration_termination": [r"terminat", r"denounc", r"withdraw", r"period", r"notice", r"renew"],
    "amendment": [r"amend", r"modif", r"revis", r"review"],
    "un_registration": [r"regist", r"secretariat"],
})  # fmt: skip

#: Lower-case words of which every pattern (strong or cue) of a label contains at least one.
#: A sentence with none of them cannot match, so the label's regular expressions are not
#: run on it: a substring test is far cheaper than a search (tests check the equivalence).
TRIGGERS: dict[str, tuple[str, ...]] = {
    "mutual_defense": ("attack", "aggression", "self-defen", "collective"),
    "offensive_support": ("war", "hostilities", "offensive"),
    "neutrality": ("neutral", "third", "attacking", "aggressor"),
    "non_aggression": ("violence", "aggress", "attack", "force", "grouping"),
    "consultation": ("consult", "confer", "threat"),
    "joint_exercises": ("exercise", "manoeuv", "maneuv"),
    "intelligence_sharing": ("intelligence", "information"),
    "training_education": ("capacity", "train", "educat", "exchange of", "instruct", "course"),
    "logistics_support": ("provision of", "accommodation", "medical", "dental", "support", "mess",
                          "catering", "postal", "fuel", "quarters", "food", "rations", "logistic",
                          "host", "servicing", "provided", "furnished", "made available", "suppl",
                          "transport", "services"),
    "technology_transfer": ("intellectual property", "third party", "exchang", "communicat",
                            "disclos", "furnish", "transfer", "technical", "technolog", "know-how",
                            "licen", "production", "patent", "invention"),
    "procurement_armaments": ("brokering", "diversion", "export", "import", "sale", "sell", "buy",
                              "arms", "weapon", "equipment", "munition", "armament", "materi",
                              "industr", "procure", "purchas", "contract", "production"),
    "maintenance_equipment": ("mainten", "maintain", "repair", "overhaul"),
    "research_development": ("research", "development", "test", "scien"),
    "basing_access": ("location", "movement", "permit", "allow", "authori", "made available",
                      "station", "deploy", "host", "use of", "access to", "facilit", "preposition",
                      "base", "installation", "area"),
    "military_aid": ("war supplies", "assist", "aid", "resist", "grant", "without cost",
                     "furnish"),
    "integrated_command": ("command", "forces", "headquarters", "control", "orders"),
    "peace_operations_humanitarian": ("protection of", "peace", "humanitarian", "disaster",
                                      "crisis", "escort", "stand", "shirbrig", "united nations",
                                      "relief", "mission"),
    "cyber_security": ("cyber", "security", "network", "computer"),
    "emerging_technology": ("artificial", "autonomous", "emerging", "quantum"),
    "space": ("space", "satellite", "celestial", "orbit", "launch"),
    "status_of_forces": ("laws", "law ", "respect", "uniform", "legislation", "of arms",
                         "of weapons", "arms and", "weapons and", "entrance", "vehicles",
                         "passport", "visa", "identity card", "identification card", "travel",
                         "wear", "possess", "carr", "driving", "privileges", "enter", "entry",
                         "status of", "member", "personnel", "sending state", "receiving state",
                         "immunit"),
    "criminal_jurisdiction": ("prosecution", "jurisdiction", "offen", "arrest", "custody",
                              "detention", "criminal", "disciplin", "court"),
    "claims_liability": ("waive", "redress", "claim", "compensat", "indemnif", "liab", "damage",
                         "injur"),
    "tax_customs_exemption": ("exempt", "customs", "import", "export", "tax", "dut"),
    "classified_information": ("classif", "dissemination", "security", "protection",
                               "safeguarding", "confidential", "need", "secre", "disclos"),
    "dispute_resolution": ("problem", "question", "dispute", "difference", "arbitra", "peaceful",
                           "settle", "interpretation"),
    "international_law_compliance": ("relationship", "none", "existing", "prevent", "inconsistent",
                                     "incompatible", "in conflict", "united nations",
                                     "international law", "security council", "affect",
                                     "prejudice", "derogat", "charter", "obligations"),
    "institutional_body": ("composition", "structure", "conference", "council", "committee",
                           "commission", "organi", "secretariat", "board", "centre", "center",
                           "group", "mechanism", "headquarters", "establish"),
    "financial_arrangements": ("charge", "compensation", "invoic", "budget", "cost", "expens",
                               "expenditure", "fund", "financ", "contribution", "pay", "reimburs"),
    "entry_into_force": ("constitut", "in force", "into force", "instrument", "effect", "ratif",
                         "provisional", "signature"),
    "duration_termination": ("suspen", "have effect", "be in force", "dissolution", "expir",
                             "indefinite", "terminat", "denounc", "denunciation", "withdraw",
                             "remain in", "continue in", "period", "renew", "prolong", "extended",
                             "valid", "duration", "notice"),
    "amendment": ("supplement", "amend", "modif", "revis", "review"),
    "un_registration": ("regist", "article 102", "secretariat"),
}  # fmt: skip

#: Every trigger word once: a sentence is scanned for each, then each label's set is tested.
_TRIGGER_WORDS: tuple[str, ...] = tuple(
    sorted({word for words in TRIGGERS.values() for word in words})
)
_TRIGGER_SETS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (label, frozenset(TRIGGERS[label])) for label in PROVISION_LABELS
)

#: Labels whose provisions are negative in form; negation does not cancel their cues.
_NEGATIVE_IN_FORM = frozenset(
    {
        "non_aggression",
        "neutrality",
        "international_law_compliance",
        "tax_customs_exemption",
        "status_of_forces",
        "criminal_jurisdiction",
        "claims_liability",
        "classified_information",
        "financial_arrangements",
        "duration_termination",
        "dispute_resolution",
    }
)
_NEGATION = re.compile(
    r"nothing (?:in|contained in) (?:this|the present)\b.{0,120}|"
    r"(?:shall|does|do|will|is|are) not (?:be )?(?:construed|interpreted|deemed|considered|"
    r"oblige|obligate|commit|require|constitute|imply|intended|entail)\w*|"
    r"\bno (?:obligation|commitment|undertaking)|"
    r"(?:not|neither|nor) (?:be )?(?:obliged|bound|required|committed)|"
    r"\bwithout (?:any )?(?:obligation|commitment)",
    _I,
)
#: Per label, words that put a match out of the label's scope when they come before it in
#: the sentence: an amendment's entry into force is the amendment procedure, not the
#: agreement's.
_OUT_OF_SCOPE: dict[str, re.Pattern[str]] = {
    "entry_into_force": re.compile(r"\bamendments?\b", _I),
}
#: Per label, words that put every match of the sentence out of the label's scope: the
#: privileges of an organisation's officials, staff and experts are not the status of
#: forces (the corpus labels neither NATO's civilian staff nor an agency's that way).
_OUT_OF_SCOPE_SENTENCE: dict[str, re.Pattern[str]] = {
    label: re.compile(
        r"\b(?:staff members?|representatives of member states|experts|"
        r"(?:the|an?) (?:agency|organi[sz]ation))\b",
        _I,
    )
    for label in ("status_of_forces", "criminal_jurisdiction")
}
#: A definition ('"Premises" means ...', 'the term "X" refers to ...'): it says what a word
#: means, not what the parties agree, so no match in it is a provision.
_DEFINITION = re.compile(
    r"^\W*(?:\(?[a-z]{1,4}\)\s*)?(?:the (?:term|expression)s? )?[“\"‘'][^”\"’']{1,80}[”\"’']"
    r"\s*(?:means|shall mean|refers to|shall refer to|includes)\b"
    r"|\bthe (?:term|expression)s? .{0,100}\b(?:means|shall mean|refers? to)\b",
    _I,
)
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z(“\"‘\d])|\n+")


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A pattern match: label, strength, sentence span and whether it was negated.

    ``pattern`` is the index of a strong match's pattern in :data:`STRONG_PATTERNS`
    (-1 for a cue).
    """

    label: str
    strong: bool
    start: int
    end: int
    negated: bool
    pattern: int = -1


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (also split at semicolons, colons and line breaks)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def find_hits(text: str, *, strong_only: bool = False) -> list[PatternHit]:
    """Every label pattern matching a sentence of ``text``, in sentence order.

    A strong match is reported once per matching pattern (the model weighs each by its own
    precision), a cue once per sentence and label.
    """
    hits: list[PatternHit] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        lowered = sentence.lower()
        short = len(sentence) <= _HEADING_LENGTH
        negation: int | None = None  # start of the first negating frame, found on demand
        definition: bool | None = None  # whether the sentence defines a term, found on demand
        present = {word for word in _TRIGGER_WORDS if word in lowered}
        for label, words in _TRIGGER_SETS:
            if present.isdisjoint(words):
                continue
            found = [
                (index, match)
                for index in _STRONG_RANGE[label]
                if (short or index not in _HEADING_INDEX)
                and (match := STRONG_PATTERNS[index].search(sentence))
            ]
            cue = None if strong_only else CUES[label]
            if cue is not None and (match := cue.search(sentence)):
                found.append((-1, match))
            if found and definition is None:
                definition = _DEFINITION.search(sentence) is not None
            for index, each in found:
                scope = _OUT_OF_SCOPE.get(label)
                whole = _OUT_OF_SCOPE_SENTENCE.get(label)
                negated = (
                    bool(definition)
                    or bool(scope and scope.search(sentence, 0, each.start()))
                    or bool(whole and whole.search(sentence))
                )
                if not negated and label not in _NEGATIVE_IN_FORM:
                    if negation is None:
                        first = _NEGATION.search(sentence)
                        negation = len(sentence) + 1 if first is None else first.start()
                    negated = negation < each.start()
                hits.append(PatternHit(label, index >= 0, start, end, negated, index))
    return hits
