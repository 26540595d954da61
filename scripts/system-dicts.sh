#!/usr/bin/env bash
# Debian's dictionaries that the checker reads when present (Apertium French→English through Spanish,
# Catalan and Esperanto; FreeDict French–English and French–German–English; WordNet's English
# synonyms): without them it confirms fewer words, so it verifies less, never more.
# Installs them when run as root on Debian/Ubuntu; otherwise says what to install, and exits 0.
PACKAGES="lttoolbox apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eng-cat dict-freedict-fra-eng dict-freedict-eng-fra dict-freedict-fra-deu dict-freedict-deu-eng apertium-eo-fr apertium-eo-en wordnet-base"
if [ -f /usr/share/apertium/apertium-eng-spa/spa-eng.autobil.bin ] && [ -f /usr/share/apertium/apertium-eng-cat/cat-eng.autobil.bin ] && [ -f /usr/share/dictd/freedict-fra-eng.index ] && [ -f /usr/share/wordnet/index.verb ] && [ -f /usr/share/dictd/freedict-deu-eng.index ] && [ -f /usr/share/apertium/apertium-eo-en/eo-en.autobil.bin ] && command -v lt-proc >/dev/null; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -q && apt-get install -y -q $PACKAGES) >/dev/null 2>&1 && exit 0
fi
echo "note: the checker's dictionaries are not installed (apt-get install $PACKAGES); it will verify fewer facts" >&2
exit 0
