import GRDB

/// Versioned migrations of the index. An index from an older folio is
/// migrated; one it cannot read is rebuilt (see `IndexStore.open`).
enum IndexSchema {
    /// The migrations' names, oldest first: an index whose applied migrations
    /// are exactly these has the current schema (see `IndexSnapshot`).
    static let migrations = ["v1: files", "v2: full text", "v3: tags"]

    /// No foreign keys here either: immediate checks (see `StateSchema.migrator`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrations[0], foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE indexed_file (
                    root TEXT NOT NULL,
                    path TEXT NOT NULL,
                    absolute_path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    problem TEXT,
                    identity TEXT,
                    title TEXT,
                    source TEXT,
                    author TEXT,
                    date REAL,
                    words INTEGER,
                    format TEXT,
                    PRIMARY KEY (root, path)
                ) WITHOUT ROWID;
                CREATE TABLE index_meta (key TEXT PRIMARY KEY NOT NULL, value) WITHOUT ROWID;
                """)
        }
        // Full-text search (see `SearchIndex`). `search_document` keys each
        // document by root + path; its id is the rowid of the document's text
        // in the FTS5 table, so updates and removals never scan the text.
        migrator.registerMigration(migrations[1], foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE search_document (
                    id INTEGER PRIMARY KEY,
                    root TEXT NOT NULL,
                    path TEXT NOT NULL,
                    UNIQUE (root, path)
                );
                CREATE VIRTUAL TABLE search_text USING fts5(
                    title, author, source, body,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """)
            // Files listed before there was a search index are read once more,
            // so the refresh that follows fills it.
            try db.execute(sql: "DELETE FROM indexed_file")
        }
        // Tags from front matter, one per line (extraction version 3 reads every file again).
        migrator.registerMigration(migrations[2], foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE indexed_file ADD COLUMN tags TEXT")
        }
        return migrator
    }
}
