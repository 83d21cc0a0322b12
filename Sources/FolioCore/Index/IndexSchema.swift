import GRDB

/// Versioned migrations of the index. An index from an older folio is
/// migrated; one it cannot read is rebuilt (see `IndexStore.open`).
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files") { db in
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
        return migrator
    }
}
