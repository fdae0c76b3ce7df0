"""Guard against the Qt binding version that corrupts Python's reference counts on emit()."""

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    changed = Signal(int)
source = Source()
seen = []
source.changed.connect(seen.append)
for i in range(3000):
    source.changed.emit(i)
print(len(seen))
"""


def test_thousands_of_python_emits_are_safe():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "3000"
