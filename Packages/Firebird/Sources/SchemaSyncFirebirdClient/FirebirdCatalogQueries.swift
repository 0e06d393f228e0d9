/// The catalog queries a Firebird 3 inspector needs: one query per kind of object, each covering
/// every user table at once (never one query per table), so inspecting a schema costs six
/// round trips however many tables it has.
///
/// Each query lists user objects only (`RDB$SYSTEM_FLAG` 0, or 6 for identity generators) in a
/// stable order. Names come back without CHAR padding (`FirebirdConnection.query` trims it).
/// The column order of each result is documented on the query and tested in
/// `FirebirdCatalogQueryTests`.
public enum FirebirdCatalogQueries {
    /// Tables and views: name, `RDB$RELATION_TYPE` (0 table, 1 view, 2 external table,
    /// 4/5 global temporary table preserving/deleting rows on commit), view source (the SELECT
    /// after `AS`, as written), description (COMMENT ON).
    public static let relations = """
        SELECT r.RDB$RELATION_NAME, COALESCE(r.RDB$RELATION_TYPE, 0), r.RDB$VIEW_SOURCE, r.RDB$DESCRIPTION
        FROM RDB$RELATIONS r
        WHERE COALESCE(r.RDB$SYSTEM_FLAG, 0) = 0
        ORDER BY r.RDB$RELATION_NAME
        """

    /// Columns of every table and view: relation, column, position (0-based), domain
    /// (`RDB$n` for a column's implicit domain), `RDB$FIELD_TYPE` code, sub-type (blob
    /// sub-type; 1 NUMERIC / 2 DECIMAL for exact numerics), byte length, character length,
    /// precision, scale (negative), character set, collation, not null (1/0, from the column or
    /// its domain), default source (`DEFAULT ...` as written, the column's or else the
    /// domain's), computed source (`(expr)`), identity type (1 BY DEFAULT in Firebird 3, NULL
    /// when not an identity), identity generator, domain check source (`CHECK (VALUE ...)`),
    /// description.
    public static let columns = """
        SELECT rf.RDB$RELATION_NAME, rf.RDB$FIELD_NAME, rf.RDB$FIELD_POSITION, rf.RDB$FIELD_SOURCE,
               f.RDB$FIELD_TYPE, f.RDB$FIELD_SUB_TYPE, f.RDB$FIELD_LENGTH, f.RDB$CHARACTER_LENGTH,
               f.RDB$FIELD_PRECISION, f.RDB$FIELD_SCALE, cs.RDB$CHARACTER_SET_NAME, co.RDB$COLLATION_NAME,
               IIF(COALESCE(rf.RDB$NULL_FLAG, 0) = 1 OR COALESCE(f.RDB$NULL_FLAG, 0) = 1, 1, 0),
               COALESCE(rf.RDB$DEFAULT_SOURCE, f.RDB$DEFAULT_SOURCE), f.RDB$COMPUTED_SOURCE,
               rf.RDB$IDENTITY_TYPE, rf.RDB$GENERATOR_NAME, f.RDB$VALIDATION_SOURCE, rf.RDB$DESCRIPTION
        FROM RDB$RELATION_FIELDS rf
        JOIN RDB$RELATIONS r ON r.RDB$RELATION_NAME = rf.RDB$RELATION_NAME
        JOIN RDB$FIELDS f ON f.RDB$FIELD_NAME = rf.RDB$FIELD_SOURCE
        LEFT JOIN RDB$CHARACTER_SETS cs ON cs.RDB$CHARACTER_SET_ID = f.RDB$CHARACTER_SET_ID
        LEFT JOIN RDB$COLLATIONS co ON co.RDB$CHARACTER_SET_ID = f.RDB$CHARACTER_SET_ID
             AND co.RDB$COLLATION_ID = COALESCE(rf.RDB$COLLATION_ID, f.RDB$COLLATION_ID)
        WHERE COALESCE(r.RDB$SYSTEM_FLAG, 0) = 0
        ORDER BY rf.RDB$RELATION_NAME, rf.RDB$FIELD_POSITION
        """

    /// Indexes with one row per segment: relation, index, unique (1/0), descending (1/0),
    /// inactive (1/0), expression source (`COMPUTED BY` indexes, which have no segments),
    /// constraint that owns the index and its type (NULL for a plain index), segment position
    /// (0-based), segment column.
    public static let indexes = """
        SELECT i.RDB$RELATION_NAME, i.RDB$INDEX_NAME, COALESCE(i.RDB$UNIQUE_FLAG, 0),
               COALESCE(i.RDB$INDEX_TYPE, 0), COALESCE(i.RDB$INDEX_INACTIVE, 0), i.RDB$EXPRESSION_SOURCE,
               c.RDB$CONSTRAINT_NAME, c.RDB$CONSTRAINT_TYPE, s.RDB$FIELD_POSITION, s.RDB$FIELD_NAME
        FROM RDB$INDICES i
        LEFT JOIN RDB$INDEX_SEGMENTS s ON s.RDB$INDEX_NAME = i.RDB$INDEX_NAME
        LEFT JOIN RDB$RELATION_CONSTRAINTS c ON c.RDB$INDEX_NAME = i.RDB$INDEX_NAME
        WHERE COALESCE(i.RDB$SYSTEM_FLAG, 0) = 0
        ORDER BY i.RDB$RELATION_NAME, i.RDB$INDEX_NAME, s.RDB$FIELD_POSITION
        """

    /// Primary keys, unique, foreign key and check constraints: relation, constraint, type,
    /// backing index (its columns come from `indexes`), referenced relation and its key's index
    /// (foreign keys), update rule and delete rule (`NO ACTION`, `CASCADE`, `SET NULL`,
    /// `SET DEFAULT` as written, `RESTRICT` when the rule was left out; both mean "refuse"),
    /// check source (`CHECK (...)` as written). NOT NULL constraints are left out: `columns` reports nullability.
    public static let constraints = """
        SELECT c.RDB$RELATION_NAME, c.RDB$CONSTRAINT_NAME, c.RDB$CONSTRAINT_TYPE, c.RDB$INDEX_NAME,
               u.RDB$RELATION_NAME, u.RDB$INDEX_NAME, ref.RDB$UPDATE_RULE, ref.RDB$DELETE_RULE,
               (SELECT FIRST 1 t.RDB$TRIGGER_SOURCE
                FROM RDB$CHECK_CONSTRAINTS cc
                JOIN RDB$TRIGGERS t ON t.RDB$TRIGGER_NAME = cc.RDB$TRIGGER_NAME
                WHERE c.RDB$CONSTRAINT_TYPE = 'CHECK' AND cc.RDB$CONSTRAINT_NAME = c.RDB$CONSTRAINT_NAME
                ORDER BY t.RDB$TRIGGER_TYPE)
        FROM RDB$RELATION_CONSTRAINTS c
        LEFT JOIN RDB$REF_CONSTRAINTS ref ON ref.RDB$CONSTRAINT_NAME = c.RDB$CONSTRAINT_NAME
        LEFT JOIN RDB$RELATION_CONSTRAINTS u ON u.RDB$CONSTRAINT_NAME = ref.RDB$CONST_NAME_UQ
        WHERE c.RDB$CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK')
        ORDER BY c.RDB$RELATION_NAME, c.RDB$CONSTRAINT_NAME
        """

    /// Sequences (generators): name, initial value (START WITH), increment, system flag
    /// (0 a user sequence, 6 the generator behind an identity column).
    public static let sequences = """
        SELECT g.RDB$GENERATOR_NAME, g.RDB$INITIAL_VALUE, g.RDB$GENERATOR_INCREMENT, COALESCE(g.RDB$SYSTEM_FLAG, 0)
        FROM RDB$GENERATORS g
        WHERE COALESCE(g.RDB$SYSTEM_FLAG, 0) IN (0, 6)
        ORDER BY g.RDB$GENERATOR_NAME
        """

    /// User domains (not the implicit `RDB$n` ones): name, type code, sub-type, byte length,
    /// character length, precision, scale, character set, not null (1/0), default source,
    /// check source.
    public static let domains = """
        SELECT f.RDB$FIELD_NAME, f.RDB$FIELD_TYPE, f.RDB$FIELD_SUB_TYPE, f.RDB$FIELD_LENGTH,
               f.RDB$CHARACTER_LENGTH, f.RDB$FIELD_PRECISION, f.RDB$FIELD_SCALE, cs.RDB$CHARACTER_SET_NAME,
               COALESCE(f.RDB$NULL_FLAG, 0), f.RDB$DEFAULT_SOURCE, f.RDB$VALIDATION_SOURCE
        FROM RDB$FIELDS f
        LEFT JOIN RDB$CHARACTER_SETS cs ON cs.RDB$CHARACTER_SET_ID = f.RDB$CHARACTER_SET_ID
        WHERE COALESCE(f.RDB$SYSTEM_FLAG, 0) = 0 AND f.RDB$FIELD_NAME NOT STARTING WITH 'RDB$'
        ORDER BY f.RDB$FIELD_NAME
        """
}
