"""How stancedb reads an SQLite file, in one place.

``settings.py`` applies these to the app's connections; the benchmark gives the same to
Datasette and to the raw SQL floor (bench/), so that only the layers above the database differ.
"""

DEFAULT_MMAP_SIZE = 1 << 30


def read_pragmas(mmap_size: int = DEFAULT_MMAP_SIZE) -> list[str]:
    """A 64 MB page cache per connection for the indexes a timeline scans, and the file
    memory-mapped (``mmap_size`` bytes, 0 turns it off) so that a search reading thousands of
    rows across the file reads them in place instead of copying pages: a common search word
    costs half as much at a million quotes."""
    return ["PRAGMA cache_size=-65536", f"PRAGMA mmap_size={int(mmap_size)}"]
