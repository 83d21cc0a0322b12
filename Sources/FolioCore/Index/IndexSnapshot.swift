import GRDBSQLite

/// The index's files under one root, read for the reader's first frame
/// through a read-only SQLite connection of its own, without GRDB.
///
/// Opening the index with GRDB (its set-up, the schema's migrations checked,
/// the sync level set) cost 3.2 M instructions before the first frame, more
/// than reading its rows. The snapshot answers only when the index is
/// current: the migrations applied are exactly `IndexSchema.migrations` and
/// the extraction version is this folio's. Anything else (no index yet, an
/// older or newer one, a damaged or busy file) gives nil, and the caller
/// opens the index as before (`IndexStore.open`), which rebuilds or migrates.
public enum IndexSnapshot {
    public static func files(path: String, root: String) -> [IndexedFile]? {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        let opened = PathCoding.withCString(path) { sqlite3_open_v2($0, &db, SQLITE_OPEN_READONLY, nil) }
        guard opened == SQLITE_OK, let db else { return nil }
        sqlite3_busy_timeout(db, 2000)
        // One read transaction: the checks and the rows see the same index.
        guard sqlite3_exec(db, "BEGIN", nil, nil, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_exec(db, "COMMIT", nil, nil, nil) }
        guard isCurrent(db) else { return nil }
        return query(db, IndexStore.filesQuery, text: root) { statement in
            var files: [IndexedFile] = []
            return IndexStore.collect(statement, into: &files) == SQLITE_DONE ? files : nil
        } ?? nil
    }

    /// The schema's migrations and the extraction version are this folio's.
    static func isCurrent(_ db: OpaquePointer) -> Bool {
        let applied = query(db, "SELECT identifier FROM grdb_migrations ORDER BY identifier") { statement -> [String]? in
            var names: [String] = []
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { return names }
                guard code == SQLITE_ROW else { return nil }
                names.append(IndexRow(statement).text(0))
            }
        } ?? nil
        guard applied == IndexSchema.migrations.sorted() else { return false }
        let version = query(db, "SELECT value FROM index_meta WHERE key = 'extraction'") { statement -> Int? in
            sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) == SQLITE_INTEGER
                ? Int(sqlite3_column_int64(statement, 0)) : nil
        } ?? nil
        return version == IndexStore.extractionVersion
    }

    /// Runs `body` on `sql` prepared (with `text` bound to its one parameter, if given); nil when it cannot be prepared.
    private static func query<T>(_ db: OpaquePointer, _ sql: String, text: String? = nil, _ body: (OpaquePointer) -> T) -> T? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite3_finalize(statement) }
        if let text {
            // SQLITE_TRANSIENT: SQLite copies the text.
            let bound = text.withCString { sqlite3_bind_text(statement, 1, $0, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
            guard bound == SQLITE_OK else { return nil }
        }
        return body(statement)
    }
}
