"""Draft templates: built-in files, the user's overrides, and sandboxed rendering.

A template is ``<kind>.<persona>.<n>.j2``; the user overrides one by saving a file with the
same name in their data directory's ``templates/`` folder. Every template, built-in or not,
renders in Jinja's SandboxedEnvironment with StrictUndefined and a context of plain strings,
so a template can print facts but never reach Python internals.
"""

import re
import traceback
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from coffeechat.errors import BadInput, TemplateProblem

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates" / "outreach"
_NAME = re.compile(r"^[a-z_]+\.(explorer|recruiter)\.\d+\.j2$")
_MAX_SOURCE = 20_000
_envs: dict[Path, SandboxedEnvironment] = {}


def _env(folder: Path) -> SandboxedEnvironment:
    """One sandboxed environment per folder; auto_reload picks up edited overrides."""
    folder = folder.resolve()
    if folder not in _envs:
        _envs[folder] = SandboxedEnvironment(
            loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=False,
            trim_blocks=False, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=True)
    return _envs[folder]


def builtin_names(kind: str, persona: str) -> list[str]:
    """Built-in template names for one kind and persona, in variant order."""
    found = BUILTIN_DIR.glob(f"{kind}.{persona}.*.j2")
    return sorted((p.name for p in found), key=lambda n: int(n.split(".")[2]))


def _line_of(exc: BaseException, filename: str) -> int | None:
    """The template line an error came from: Jinja rewrites tracebacks to point at it."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and Path(frame.filename).name == filename:
            return frame.lineno
    return None


def _problem(exc: BaseException, name: str, where: str) -> TemplateProblem:
    """A TemplateProblem naming the file and line, in words a person can act on."""
    line = _line_of(exc, name)
    at = f"{where}/{name}" + (f", line {line}" if line else "")
    reason = (str(exc).split("\n")[0] or type(exc).__name__).rstrip(". ")
    if "unsafe" in reason or "access to attribute" in reason:
        reason = f"it tries to reach something templates may not use ({reason})"
    return TemplateProblem(f"Template {at} cannot be used: {reason}.")


def render(folder: Path, name: str, context: dict[str, Any]) -> str:
    """Render one template from a folder; any failure becomes a TemplateProblem."""
    where = "built-in templates" if folder.resolve() == BUILTIN_DIR else str(folder)
    try:
        return _env(folder).get_template(name).render(context)
    except (TemplateError, ArithmeticError, TypeError, ValueError, RecursionError) as exc:
        raise _problem(exc, name, where) from None


def _check_name(name: str) -> None:
    if not _NAME.match(name) or not (BUILTIN_DIR / name).is_file():
        raise BadInput(f"There is no built-in template named '{name}'.")


def list_templates(templates_dir: Path | None) -> list[dict[str, Any]]:
    """Every built-in template with its source and the user's override source (or None)."""
    rows = []
    for path in sorted(BUILTIN_DIR.glob("*.j2")):
        override = templates_dir / path.name if templates_dir else None
        rows.append({
            "name": path.name,
            "builtin": path.read_text(encoding="utf-8"),
            "override": override.read_text(encoding="utf-8") if override and override.is_file() else None,
        })
    return rows


def save_override(templates_dir: Path, name: str, source: str) -> None:
    """Save the user's version of a template after checking that it compiles in the sandbox."""
    _check_name(name)
    if not isinstance(source, str) or len(source) > _MAX_SOURCE:
        raise BadInput(f"A template must be text of at most {_MAX_SOURCE} characters.")
    try:
        _env(BUILTIN_DIR).parse(source, name, name)
    except TemplateSyntaxError as exc:
        raise _problem(exc, name, str(templates_dir)) from None
    templates_dir.mkdir(parents=True, exist_ok=True)
    tmp = templates_dir / f".{name}.tmp"
    tmp.write_text(source, encoding="utf-8")
    tmp.replace(templates_dir / name)


def reset_override(templates_dir: Path, name: str) -> None:
    """Remove the user's version of a template so the built-in one is used again."""
    _check_name(name)
    (templates_dir / name).unlink(missing_ok=True)
