"""PostgreSQL cases for the corpus runner (integration/corpus/run.py).

The judge is PostgreSQL's own `pg_dump --schema-only` of the target database against that of a
reference database where the desired SQL was run by hand — nothing SchemaSync reads or renders.
Within each CREATE TABLE the column lines are sorted (PostgreSQL appends added columns and has
no way to reorder them), and session settings, comments of the dump itself, and ownership are
left out. Needs $SCHEMASYNC_POSTGRES_URL and the `psql` and `pg_dump` clients.
"""
import os, re, subprocess, tempfile, urllib.parse


def server_url():
    url = os.environ.get("SCHEMASYNC_POSTGRES_URL", "")
    if not url:
        raise SystemExit("SCHEMASYNC_POSTGRES_URL is not set")
    return url


def with_database(url, name):
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + name, u.query, ""))


def psql(url, sql):
    p = subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-X"], input=sql, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip())


def run_retrying(pending, execute):
    """Runs each statement with `execute`, retrying those that fail (a view or key before its
    table) until no more succeed; raises when a round makes no progress."""
    while pending:
        failed, error = [], None
        for statement in pending:
            try:
                execute(statement)
            except RuntimeError as e:
                failed.append(statement)
                error = e
        if len(failed) == len(pending):
            raise RuntimeError(f"cannot run by hand: {error}")
        pending = failed


def run_by_hand(url, sql):
    run_retrying([s.strip() for s in re.split(r";\s*$", sql, flags=re.M) if s.strip()],
                 lambda statement: psql(url, statement + ";\n"))


def catalog(url):
    dump = subprocess.run(["pg_dump", "--schema-only", "--no-owner", "--no-privileges", "--schema=public", url],
                          capture_output=True, text=True, check=True).stdout
    out, block = [], None
    for line in dump.splitlines():
        if not line.strip() or line.startswith("--") or line.startswith("\\") or line.startswith("SET ") or line.startswith("SELECT pg_catalog.set_config"):
            continue
        if block is not None:
            if line.startswith(")"):
                out.append(block[0] + "\n" + "\n".join(sorted(l.rstrip(",") for l in block[1:])) + "\n" + line)
                block = None
            else:
                block.append(line.strip())
            continue
        if re.match(r"CREATE (UNLOGGED )?TABLE ", line) and line.rstrip().endswith("("):
            block = [line]
            continue
        out.append(line)
    return out


def run_postgresql(path, sections, apply, verbose):
    current, desired = sections(path)
    refused = re.search(r"^-- expect: refused", open(path).read(), re.M) is not None
    base = "ss_corpus_" + re.sub(r"\W", "_", os.path.basename(path)[:-4])[:40]
    target, ref = base + "_t", base + "_r"
    admin = server_url()
    try:
        for db, sql in ((target, current), (ref, current if refused else desired)):
            psql(admin, f'DROP DATABASE IF EXISTS "{db}"; CREATE DATABASE "{db}";\n')
            run_by_hand(with_database(admin, db), sql.replace("CONCURRENTLY ", ""))
        with tempfile.TemporaryDirectory() as d:
            code, output = apply(with_database(admin, target), desired, d)
        if refused:  # exact: refused as invalid (exit 5) and nothing changed
            code = 0 if code == 5 else (code or 99)
        return code, output, catalog(with_database(admin, target)), catalog(with_database(admin, ref))
    finally:
        for db in (target, ref):
            psql(admin, f'DROP DATABASE IF EXISTS "{db}";\n')
