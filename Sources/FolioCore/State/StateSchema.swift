import GRDB

/// Versioned migrations of the state database. Never edit a registered
/// migration; add a new one.
enum StateSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: read state") { db in
            try db.execute(sql: """
                CREATE TABLE article_state (
                    identity TEXT PRIMARY KEY NOT NULL,
                    read INTEGER NOT NULL DEFAULT 0,
                    updated_at REAL NOT NULL
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }
}
