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
        migrator.registerMigration("v2: star, archive, tags, position, settings") { db in
            try db.execute(sql: """
                ALTER TABLE article_state ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE article_state ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE article_state ADD COLUMN position REAL NOT NULL DEFAULT 0;
                CREATE TABLE article_tag (
                    identity TEXT NOT NULL,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (identity, tag)
                ) WITHOUT ROWID;
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
