"""`mkdocs build` into a folder beside the published site, swapped in only on success.

Readers never get a half-built site, and two builds never mix: a build
holds a lock on the site from its start to its swap, writes into a folder
of its own beside ``site/`` (same filesystem, so the swap is a rename), and
swaps it in with one atomic exchange, so ``site/`` always names a whole
site. What deployers keep in ``site/`` (``.git``, ``.htaccess``,
``.well-known``) moves on into the new site, as stock MkDocs keeps the
dotfiles it did not write.

Why a kernel lock (flock): the kernel drops it when its process dies, so a
killed build never leaves a lock that blocks the next one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Callable

from ..core.errors import Problem, Source, WartaError

LOCK_WAIT = 600.0
"""Seconds a build waits for another build of the same site before giving up."""

_POLL = 0.2  # seconds between tries of a lock held by another build


class Staging:
    """A staging folder for the site at `target`, and the lock that makes the build the only one writing it.

    `waiting` is told the process id of the build being waited for, once,
    when the lock is taken by another build. Raises `WartaError` (the site
    untouched) when `target` cannot be swapped safely or the wait is over.
    """

    def __init__(self, target: Path, *, wait: float = LOCK_WAIT,
                 waiting: Callable[[str], None] = lambda holder: None) -> None:
        self.target = Path(os.path.abspath(target))
        self.written = False
        self._done = False
        _refuse_unswappable(self.target)
        self._lock = _lock(self.target, wait, waiting)
        try:
            _tidy(self.target)
            self.folder = _fresh_folder(self.target)
        except OSError as exc:
            _unlock(self.target, self._lock)
            raise _problem("site.unwritable", self.target.parent, exc) from None

    def finish(self) -> bool:
        """Swap the staged site in if the build succeeded; True when it did. Once: later calls do nothing."""
        if self._done:
            return False
        self._done = True
        try:
            if self.written:
                _refuse_unswappable(self.target)
                try:
                    _keep_dotfiles(self.target, self.folder)
                    _swap(self.folder, self.target)
                except OSError as exc:
                    raise _problem("site.swap_failed", self.target, exc) from None
            return self.written
        finally:
            # After the swap this path holds the old site; otherwise the unused build.
            _remove(self.folder)
            _unlock(self.target, self._lock)


def _problem(code: str, path: Path, exc: OSError | None = None) -> WartaError:
    reason = os.strerror(exc.errno) if exc is not None and exc.errno else str(exc or "")
    return WartaError([Problem(code, Source(str(path)), {"reason": reason})])


def _refuse_unswappable(target: Path) -> None:
    """Refuse a `site/` that no rename may replace: a symlink (the swap would replace the link, not the
    folder it names), a mount point (the kernel refuses to move it), or a file."""
    if target.is_symlink():
        raise _problem("site.symlink", target)
    if target.exists() and not target.is_dir():
        raise _problem("site.not_folder", target)
    if target.is_dir() and os.path.ismount(target):
        raise _problem("site.mount", target)


def _lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def _lock(target: Path, wait: float, waiting: Callable[[str], None]) -> int:
    """An open lock file beside `target`, locked for this build; waits at most `wait` seconds for another build.

    Why the inode check: the build before removed the file it locked when
    it finished, so a lock taken on that removed file would lock nothing.
    """
    path = _lock_path(target)
    deadline, told = time.monotonic() + wait, False
    while True:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # O_NOFOLLOW: a symlink planted at the lock's name must not be written through.
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NO_FOLLOW, 0o644)
        except OSError as exc:
            raise _problem("site.unwritable", target.parent, exc) from None
        if not _try_lock(fd):
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            if time.monotonic() >= deadline:
                raise WartaError([Problem("site.busy", Source(str(target)), {"pid": holder, "seconds": round(wait)})]) from None
            if not told:
                waiting(holder)
                told = True
            time.sleep(_POLL)
            continue
        if _same_file(fd, path):
            break
        os.close(fd)
    # Who holds the lock, for the message of a build that waits for it.
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, str(os.getpid()).encode())
    return fd


# Windows has neither flag; there a symlink needs privileges to make at all.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _try_lock(fd: int) -> bool:
    """Take the kernel's lock on `fd` without waiting; False when another process holds it.

    The kernel drops it when the holder dies, so a killed build blocks no
    later one. POSIX has flock; Windows (many pemda PCs) has msvcrt.locking,
    which locks a byte range: the first byte is the lock.
    """
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _unlock(target: Path, fd: int) -> None:
    """Release the lock, leaving no lock file behind: removed while still held, so no build locks it after."""
    try:
        _lock_path(target).unlink(missing_ok=True)
    except PermissionError:
        pass  # Windows removes no file that is open; the next build locks the same one
    finally:
        os.close(fd)


def _leftovers(target: Path) -> list[Path]:
    """The staging and set-aside folders of earlier builds of `target` (killed ones leave theirs)."""
    prefixes = (f".{target.name}-baru", f".{target.name}-lama")
    return sorted(p for p in target.parent.iterdir() if p.name.startswith(prefixes))


def _tidy(target: Path) -> None:
    """Put back a site a killed swap left aside, and remove what killed builds left behind.

    Runs under the lock, so no leftover belongs to a running build.
    """
    aside = [p for p in _leftovers(target) if p.name.startswith(f".{target.name}-lama-") and _is_folder(p)]
    if aside and not os.path.lexists(target):
        os.rename(aside[-1], target)
    for path in _leftovers(target):
        _remove(path)


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _remove(path: Path) -> None:
    """Remove a leftover, never what it links to; a leftover that cannot be removed is left (names never repeat)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _fresh_folder(target: Path) -> Path:
    """A new, empty folder beside `target`, with a name no other build uses.

    Why os.mkdir and not mkdtemp: it fails on any existing name (a symlink
    included) and gives the folder the mode a web server can read (umask),
    not mkdtemp's owner-only one.
    """
    while True:
        folder = target.with_name(f".{target.name}-baru-{secrets.token_hex(4)}")
        try:
            os.mkdir(folder)
            return folder
        except FileExistsError:
            continue


def _keep_dotfiles(old: Path, new: Path) -> None:
    """Carry `old`'s top-level dotfiles the build did not write into `new`: deployers keep their own there.

    Hard links where the filesystem allows: a `.git` of a large archive is
    linked in moments, and the old copy is removed after the swap anyway.
    """
    if not _is_folder(old):
        return
    for entry in sorted(old.iterdir()):
        if not entry.name.startswith(".") or os.path.lexists(new / entry.name):
            continue
        if _is_folder(entry):
            shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link_or_copy)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry), new / entry.name)
        else:
            _link_or_copy(str(entry), str(new / entry.name))


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _swap(new: Path, target: Path) -> None:
    """Make `target` the site in `new`, with no moment when `target` names no site; `new` then holds the old one.

    Linux exchanges two folders in one step (renameat2 RENAME_EXCHANGE).
    Where it cannot, two renames leave `target` missing for the time
    between them (microseconds); a build killed there has its old site put
    back by the next build (`_tidy`).
    """
    if not os.path.lexists(target):
        os.rename(new, target)
    elif not _exchange(new, target):
        aside = new.with_name(f".{target.name}-lama-{new.name.rsplit('-', 1)[-1]}")
        os.rename(target, aside)
        os.rename(new, target)
        os.rename(aside, new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or filesystem cannot."""
    try:
        renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except (OSError, TypeError):  # Windows: no C library to ask
        return False
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
