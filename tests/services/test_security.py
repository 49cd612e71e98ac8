"""Users, roles and hashed API tokens; clearance holds whoever asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from foedus.domain.security import Permission, Role, User
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import PermissionDenied
from foedus.services import security
from foedus.services.exchange import import_agreements
from foedus.services.registry import search
from foedus.storage import schema as t

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ADMIN = User("admin", Role.ADMIN, Sensitivity.SECRET)


def test_token_authenticates_its_user_and_is_stored_hashed(empty_engine: Engine) -> None:
    security.create_user(empty_engine, ADMIN, "ana", Role.ANALYST, Sensitivity.RESTRICTED)
    token = security.issue_token(empty_engine, ADMIN, "ana")
    user = security.authenticate(empty_engine, token)
    assert (user.name, user.role, user.clearance) == ("ana", Role.ANALYST, Sensitivity.RESTRICTED)
    with empty_engine.connect() as connection:
        dump = " ".join(str(v) for row in connection.execute(select(t.api_tokens)) for v in row)
    assert token not in dump and token.split("_", 2)[2] not in dump


@pytest.mark.parametrize("mangle", [lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),
                                    lambda s: "fds_000000000000_" + s.split("_", 2)[2],
                                    lambda s: "", lambda s: "not-a-token"])  # fmt: skip
def test_bad_tokens_are_refused_alike(empty_engine: Engine, mangle: object) -> None:
    security.create_user(empty_engine, ADMIN, "ana", Role.READER, Sensitivity.PUBLIC)
    token = security.issue_token(empty_engine, ADMIN, "ana")
    with pytest.raises(PermissionDenied, match="^invalid or revoked API token$"):
        security.authenticate(empty_engine, mangle(token))  # type: ignore[operator]


def test_revoked_token_stops_working(empty_engine: Engine) -> None:
    security.create_user(empty_engine, ADMIN, "ana", Role.READER, Sensitivity.PUBLIC)
    token = security.issue_token(empty_engine, ADMIN, "ana")
    security.revoke_token(empty_engine, ADMIN, token.split("_", 2)[1])
    with pytest.raises(PermissionDenied):
        security.authenticate(empty_engine, token)


def test_roles_limit_actions() -> None:
    reader = User("r", Role.READER, Sensitivity.SECRET)
    analyst = User("a", Role.ANALYST, Sensitivity.PUBLIC)
    assert reader.can(Permission.READ) and not reader.can(Permission.WRITE)
    assert analyst.can(Permission.WRITE) and not analyst.can(Permission.ADMIN)
    assert not User("x", Role.ADMIN, Sensitivity.SECRET, active=False).can(Permission.READ)
    with pytest.raises(PermissionDenied, match="may not admin"):
        security.create_user(None, analyst, "b", Role.ADMIN, Sensitivity.SECRET)  # type: ignore[arg-type]


def test_reader_sees_only_up_to_clearance_and_reads_are_audited(empty_engine: Engine) -> None:
    import_agreements(empty_engine, FIXTURES / "user_agreements.csv")  # one public, one restricted
    for clearance, expected in [(Sensitivity.PUBLIC, 1), (Sensitivity.INTERNAL, 1),
                                (Sensitivity.RESTRICTED, 2)]:  # fmt: skip
        result = search(empty_engine, sources=["user"], clearance=clearance, actor="probe")
        assert result.total == expected
    with empty_engine.connect() as connection:
        actions = connection.execute(text("SELECT action, actor FROM audit_log ORDER BY id")).all()
    assert actions[0] == ("import", "cli")
    assert [a for a, actor in actions if actor == "probe"] == ["search"] * 3
