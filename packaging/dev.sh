#!/bin/sh
# Set up a fresh clone (virtual environment, the package and its test tools), then run it.
#   ./packaging/dev.sh demo     the demo shop
#   ./packaging/dev.sh test     the whole test suite (extra arguments go to pytest)
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

if [ ! -x .venv/bin/python ] || [ pyproject.toml -nt .venv/.tillbook-installed ]; then
    echo "Setting up .venv (first run only)..."
    "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test]"
    touch .venv/.tillbook-installed
fi

# Chinese text in screenshots and PDFs needs a CJK font; PDF tests read text with poppler.
if ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || ! command -v pdftoppm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing fonts-wqy-zenhei and poppler-utils..."
        # A new machine may have no package lists yet: fetch them once and try again.
        apt-get install -y -q fonts-wqy-zenhei poppler-utils >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null && apt-get install -y -q fonts-wqy-zenhei poppler-utils >/dev/null; }
    else
        echo "Note: install fonts-wqy-zenhei and poppler-utils for Chinese rendering and PDF checks."
    fi
fi

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    demo) exec .venv/bin/tillbook demo "$@" ;;
    test) QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
    *) echo "usage: $0 demo|test [arguments]" >&2; exit 2 ;;
esac
