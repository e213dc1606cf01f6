"""Draft templates: built-in files, the user's overrides, and sandboxed rendering.

A template is ``<kind>.<persona>.<n>.j2``; the user overrides one by saving a file with the
same name in their data directory's ``templates/`` folder. Every template, built-in or not,
renders in Jinja's SandboxedEnvironment with StrictUndefined and a context of plain strings,
so a template can print facts but never reach Python internals.

Rendering also has a budget (``_Budgeted``): at most ``TIME_S`` seconds and ``MAX_TEXT``
characters, numbers and repeats kept small, ``range`` capped. A template over budget is
refused when it is saved and replaced by the built-in one when it is rendered.
"""

import math
import re
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from coffeechat.errors import BadInput, StorageError, TemplateProblem
from coffeechat.files import atomic_write_bytes

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates" / "outreach"
_NAME = re.compile(r"^[a-z_]+\.(explorer|recruiter)\.\d+\.j2$")
_MAX_SOURCE = 20_000
TIME_S = 1.0  # a draft renders in well under a millisecond: a second is only ever hit on purpose
MAX_TEXT = 50_000  # characters of any string or list a template builds, and of a whole draft
MAX_NUMBER = 10_000  # the largest width, count or repeat a filter or method may be given
_WIDTH = re.compile(r"%[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*:[^{}]*?(\d+)")
_budget = threading.local()


class OverBudget(TemplateError):
    """A template asked for more time, text or numbers than a draft can need."""


def _check_time() -> None:
    deadline = getattr(_budget, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget(f"it takes longer than {TIME_S:g} s to render")


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_TEXT:
        raise OverBudget(f"it builds more than {MAX_TEXT} characters or items")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        raise OverBudget("it computes a number far larger than any draft needs")
    return value


def _check_args(args: Sequence[Any], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise OverBudget(f"it asks for {value}, more than {MAX_NUMBER}")
        if isinstance(value, str) and _WIDTH.search(value):
            _check_widths(value)


def _check_widths(fmt: str) -> None:
    for match in _WIDTH.finditer(fmt):
        for number in match.groups():
            if number == "*" or (number and int(number) > MAX_NUMBER):
                raise OverBudget(f"it formats a field wider than {MAX_NUMBER}")


class _Range(Sequence):
    """``range`` capped at MAX_NUMBER items whose iteration keeps an eye on the clock."""

    def __init__(self, *args: int):
        self.inner = range(*args)
        if len(self.inner) > MAX_NUMBER:
            raise OverBudget(f"it loops over more than {MAX_NUMBER} numbers")

    def __len__(self) -> int:
        return len(self.inner)

    def __getitem__(self, i):
        return self.inner[i]

    def __iter__(self) -> Iterator[int]:
        for n in self.inner:
            _check_time()
            yield n


def _budgeted_filter(func):
    def run(*args: Any, **kwargs: Any) -> Any:
        _check_time()
        _check_args(args[1:], kwargs)
        return _check_size(func(*args, **kwargs))
    for attr in ("jinja_pass_arg",):  # keep pass_context / pass_environment markers
        if hasattr(func, attr):
            setattr(run, attr, getattr(func, attr))
    return run


class _Budgeted(SandboxedEnvironment):
    """The sandbox with a budget: no huge powers, repeats, ranges, widths, texts or run times."""

    intercepted_binops = frozenset({"**", "*", "%", "+"})

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.filters = {name: _budgeted_filter(f) for name, f in self.filters.items()}
        self.globals["range"] = _Range
        self.globals.pop("lipsum", None)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        _check_time()
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > 256:
                raise OverBudget("it computes a number far larger than any draft needs")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_TEXT:
                    raise OverBudget(f"it repeats text beyond {MAX_TEXT} characters")
        if operator == "%" and isinstance(left, str):
            _check_widths(left)
        return _check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        _check_time()
        _check_args(args, kwargs)
        method = getattr(__obj, "__wrapped__", __obj)  # Jinja wraps str.format to sandbox it
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if isinstance(owner, str) and name in ("format", "format_map"):
            _check_widths(owner)
        if isinstance(owner, str) and name == "replace":
            text, old, new = owner, *(list(args) + ["", ""])[:2]
            if isinstance(old, str) and isinstance(new, str):
                grows = (text.count(old) if old else len(text) + 1) * len(new)
                if len(text) + grows > MAX_TEXT:
                    raise OverBudget(f"it builds more than {MAX_TEXT} characters")
        return _check_size(super().call(__context, __obj, *args, **kwargs))


_envs: dict[Path, SandboxedEnvironment] = {}
_trial = _Budgeted(undefined=ChainableUndefined, autoescape=False, lstrip_blocks=True)


def _env(folder: Path) -> SandboxedEnvironment:
    """One sandboxed environment per folder; auto_reload picks up edited overrides."""
    folder = folder.resolve()
    if folder not in _envs:
        _envs[folder] = _Budgeted(
            loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=False,
            trim_blocks=False, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=True)
    return _envs[folder]


def _within_budget(template, context: dict[str, Any]) -> str:
    """Render chunk by chunk, stopping as soon as the time or size budget is spent."""
    _budget.deadline = time.monotonic() + TIME_S
    try:
        parts, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_TEXT:
                raise OverBudget(f"it writes more than {MAX_TEXT} characters")
            _check_time()
            parts.append(chunk)
        return "".join(parts)
    finally:
        _budget.deadline = None


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
        return _within_budget(_env(folder).get_template(name), context)
    except MemoryError:
        raise TemplateProblem(f"Template {where}/{name} cannot be used: it needs more memory than a draft can.") from None
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
    _refuse_over_budget(source, name)
    _write_private(templates_dir, name, source)


def _refuse_over_budget(source: str, name: str) -> None:
    """Render once with every fact blank: a template that blows the budget is refused now, not at draft time."""
    try:
        _within_budget(_trial.from_string(source), {})
    except OverBudget as exc:
        raise BadInput(f"Your version of {name} was not saved: {exc}. Make it simpler.") from None
    except MemoryError:
        raise BadInput(f"Your version of {name} was not saved: it needs more memory than a draft can.") from None
    except Exception:  # noqa: BLE001 - other mistakes are reported (with the built-in used) when drafts render
        pass


def _write_private(folder: Path, name: str, source: str) -> None:
    """Save owner-only via temp file + rename; a refused write (full disk, read-only) leaves no temp file."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(folder / name, source.encode("utf-8"))
    except OSError as exc:
        raise StorageError(f"Your version of {name} was not saved: {exc.strerror or exc}.") from None


def reset_override(templates_dir: Path, name: str) -> None:
    """Remove the user's version of a template so the built-in one is used again."""
    _check_name(name)
    (templates_dir / name).unlink(missing_ok=True)
