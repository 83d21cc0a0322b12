import GRDB

/// Versioned migrations of the state database. Never edit a registered
/// migration; add a new one.
enum StateSchema {
    /// The migrations' names, oldest first: a database whose applied migrations
    /// are exactly these needs no migrating (see `isCurrent`).
    static let migrations = ["v1: read state", "v2: star, archive, tags, position, settings"]

    /// True when the applied migrations are exactly `migrations`: one query,
    /// where asking the migrator read the applied list three times (1.8 M
    /// instructions of every start, on the thread the first frame waits for).
    static func isCurrent(_ db: Database) -> Bool {
        (try? String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")) == migrations.sorted()
    }

    /// The tables have no foreign keys, so the migrations run with immediate
    /// checks: GRDB's default (deferred) turns them off and checks every
    /// table's keys afterwards.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrations[0], foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE article_state (
                    identity TEXT PRIMARY KEY NOT NULL,
                    read INTEGER NOT NULL DEFAULT 0,
                    updated_at REAL NOT NULL
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration(migrations[1], foreignKeyChecks: .immediate) { db in
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
