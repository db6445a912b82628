#!/usr/bin/env bash
# The install matrix (`make install-check`; by hand, not in CI: about 10 minutes).
#
# Each case starts from a fresh clone of this repo's HEAD (commit first: the work tree's
# uncommitted changes are not in it), a fresh venv, an empty HOME (so empty pip, uv and
# uvnet caches), and ends with the installed `uvnet` command's echo round trip, run from
# outside the clone. The cases, for each Python in $PYTHONS (default: pyenv's 3.9 and 3.13
# and Debian's /usr/bin/python3, the ones found):
#   pip-clone      pip install <clone>       (and the clone is left clean: no build junk)
#   build-wheel    python -m build (sdist, then the wheel from it); pip install the wheel
#   pip-sdist      pip install <that sdist>
# and once, with the first of $PYTHONS:
#   editable       pip install -e <clone>[test]; pytest tests/test_package.py in the clone
#   other-pyuv     a venv that also sees another pyuv (pyenv's, --system-site-packages):
#                  both import, uvnet runs on its own
#   uv-pip         uv pip install <clone>      (uv from PyPI, in a throwaway venv)
#   uv-add         uv init; uv add <clone>; uv run uvnet
#   pipx           pipx install <clone>        (pipx from PyPI, in a throwaway venv)
# and `make demo` in a fresh clone with Debian's python3, as PYTHON= and as the python3
# first on PATH. Prints PASS/FAIL per case and exits 1 if any failed. CASES="pip-clone pipx"
# runs only those.
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/uvnet-install-check.XXXXXX)
LOGS=$WORK/logs
mkdir -p "$LOGS"
RESULTS=()
FAILED=0

if [ -z "${PYTHONS:-}" ]; then
    PYTHONS=""
    for v in 3.9 3.13; do
        exe=$(ls -d "${PYENV_ROOT:-/root/.pyenv}"/versions/$v.*/bin/python$v 2>/dev/null | tail -1)
        [ -n "$exe" ] && PYTHONS="$PYTHONS $exe"
    done
    [ -x /usr/bin/python3 ] && PYTHONS="$PYTHONS /usr/bin/python3"
fi
FIRST=$(echo $PYTHONS | awk '{print $1}')
DEBIAN=/usr/bin/python3

new_venv() {  # new_venv PYTHON [venv options]: a fresh venv's folder
    local v; v=$(mktemp -d "$WORK/venv.XXXXXX"); "$1" -m venv "${@:2}" "$v" >&2; echo "$v"
}
fresh_home() { HOME=$(mktemp -d "$WORK/home.XXXXXX"); export HOME; unset UVNET_CACHE; }
fresh_clone() { local d; d=$(mktemp -d "$WORK/clone.XXXXXX"); git clone -q "$REPO" "$d/uvnet"; echo "$d/uvnet"; }
label() { echo "$1 ($("$2" -c 'import platform; print(platform.python_version())') $2)"; }

# round_trip EXE: the installed `uvnet` command, run from outside any clone.
round_trip() { (cd "$WORK" && "$1") ; }

# clean_tree CLONE: nothing is left but an editable install's extension and make's venvs.
clean_tree() {
    local junk
    junk=$(cd "$1" && git status --porcelain --ignored | grep -vE '_cpyuv.*\.so$|^!! \.venv' || true)
    [ -z "$junk" ] || { echo "build left in the clone: $junk"; return 1; }
}

run_case() {  # run_case NAME LABEL COMMANDS...: one case in a subshell, logged
    local name=$1 what=$2; shift 2
    case " ${CASES:-$name} " in *" $name "*) ;; *) return 0 ;; esac
    local log=$LOGS/$name-$(echo "$what" | tr -c 'a-zA-Z0-9.' '_').log
    local start=$SECONDS
    # (not in an `if`: bash ignores set -e in a condition, subshells included)
    ( set -e; fresh_home; "$@" ) >"$log" 2>&1
    if [ $? -eq 0 ]; then
        RESULTS+=("PASS $name: $what ($((SECONDS - start)) s)")
    else
        RESULTS+=("FAIL $name: $what ($((SECONDS - start)) s), log: $log")
        FAILED=1
        tail -20 "$log"
    fi
    echo "${RESULTS[-1]}"
}

case_pip_clone() {
    local py=$1 clone v; clone=$(fresh_clone); v=$(new_venv "$py")
    "$v/bin/python" -m pip install "$clone"
    round_trip "$v/bin/uvnet"
    clean_tree "$clone"
}

case_build() {  # builds the sdist and wheel, installs the wheel; leaves dist/ for pip-sdist
    local py=$1 clone bv wv; clone=$(fresh_clone); bv=$(new_venv "$py"); wv=$(new_venv "$py")
    "$bv/bin/python" -m pip install build
    (cd "$clone" && "$bv/bin/python" -m build -o "$WORK/dist-$2")
    tar tzf "$WORK/dist-$2"/uvnet-*.tar.gz >"$WORK/sdist-$2.txt"
    grep '/patches/.*\.patch$' "$WORK/sdist-$2.txt"
    if grep '/tests/' "$WORK/sdist-$2.txt"; then echo "the sdist has tests"; return 1; fi
    "$wv/bin/python" -m pip install "$WORK/dist-$2"/uvnet-*.whl
    round_trip "$wv/bin/uvnet"
    clean_tree "$clone"
}

case_pip_sdist() {
    local py=$1 v; v=$(new_venv "$py")
    "$v/bin/python" -m pip install "$WORK/dist-$2"/uvnet-*.tar.gz
    round_trip "$v/bin/uvnet"
}

case_editable() {
    local py=$1 clone v; clone=$(fresh_clone); v=$(new_venv "$py")
    "$v/bin/python" -m pip install -e "$clone[test]"
    (cd "$clone" && "$v/bin/pytest" -q -p no:cacheprovider tests/test_package.py)
    round_trip "$v/bin/uvnet"
    clean_tree "$clone"
}

case_other_pyuv() {
    local py=$1 clone v; clone=$(fresh_clone); v=$(new_venv "$py" --system-site-packages)
    "$py" -c 'import pyuv' || { echo "$py has no pyuv of its own to test against"; return 1; }
    "$v/bin/python" -m pip install "$clone"
    (cd "$WORK" && "$v/bin/python" -c '
import pyuv, uvnet.__main__ as m
from uvnet._vendor import pyuv as own
assert own is not pyuv and pyuv.Loop is not own.Loop, (pyuv, own)
assert m.main([]) == 0
print("another pyuv:", pyuv.__file__, "- uvnet runs on:", own.__file__)')
}

tools_venv() {  # tools_venv PACKAGE: a throwaway venv with it, from PyPI
    "$DEBIAN" -m venv "$WORK/tools-$1" && "$WORK/tools-$1/bin/python" -m pip install "$1" >&2
    echo "$WORK/tools-$1/bin"
}

case_uv_pip() {
    local py=$1 clone bin; clone=$(fresh_clone); bin=$(tools_venv uv)
    export UV_PYTHON_DOWNLOADS=never
    "$bin/uv" venv --python "$py" "$WORK/uv-venv"
    VIRTUAL_ENV=$WORK/uv-venv "$bin/uv" pip install "$clone"
    round_trip "$WORK/uv-venv/bin/uvnet"
    clean_tree "$clone"
}

case_uv_add() {
    local py=$1 clone bin; clone=$(fresh_clone); bin=$(tools_venv uv)
    export UV_PYTHON_DOWNLOADS=never
    mkdir "$WORK/uvproj" && cd "$WORK/uvproj"
    "$bin/uv" init --no-workspace --python "$py" --name uvdemo
    "$bin/uv" add --python "$py" "$clone"
    "$bin/uv" run --python "$py" uvnet
    clean_tree "$clone"
}

case_pipx() {
    local py=$1 clone bin; clone=$(fresh_clone); bin=$(tools_venv pipx)
    export PIPX_HOME=$WORK/pipx PIPX_BIN_DIR=$WORK/pipx/bin
    "$bin/pipx" install --python "$py" "$clone"
    round_trip "$PIPX_BIN_DIR/uvnet"
    clean_tree "$clone"
}

case_demo_python() {
    local clone; clone=$(fresh_clone)
    (cd "$clone" && make demo PYTHON="$DEBIAN")
    clean_tree "$clone"
}

case_demo_path() {
    local clone; clone=$(fresh_clone)
    (cd "$clone" && PATH=/usr/bin:/bin make demo)
    "$clone/.venv-demo/bin/python" -c 'import sys; print(sys.base_prefix); assert sys.base_prefix == "/usr"'
}

echo "install-check: $REPO at $(git -C "$REPO" rev-parse --short HEAD), work in $WORK"
echo "install-check: Pythons:$PYTHONS"
for py in $PYTHONS; do
    tag=$(basename "$(dirname "$(dirname "$py")")")-$(basename "$py")
    run_case pip-clone "$(label pip-clone "$py")" case_pip_clone "$py"
    run_case build-wheel "$(label build-wheel "$py")" case_build "$py" "$tag"
    run_case pip-sdist "$(label pip-sdist "$py")" case_pip_sdist "$py" "$tag"
done
run_case editable "$(label editable "$FIRST")" case_editable "$FIRST"
# a Python with a pyuv installed apart from uvnet (pyenv's have one here)
OTHER=${OTHER_PYUV_PYTHON:-$(ls -d "${PYENV_ROOT:-/root/.pyenv}"/versions/3.11.*/bin/python3.11 | tail -1)}
run_case other-pyuv "$(label other-pyuv "$OTHER")" case_other_pyuv "$OTHER"
run_case uv-pip "$(label uv-pip "$FIRST")" case_uv_pip "$FIRST"
run_case uv-add "$(label uv-add "$DEBIAN")" case_uv_add "$DEBIAN"
run_case pipx "$(label pipx "$DEBIAN")" case_pipx "$DEBIAN"
run_case demo "make demo PYTHON=$DEBIAN" case_demo_python
run_case demo "PATH=/usr/bin:/bin make demo" case_demo_path

echo
echo "install-check summary ($WORK):"
printf '  %s\n' "${RESULTS[@]}"
exit $FAILED
