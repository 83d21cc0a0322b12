import GRDB

/// Write-ahead logging for folio's databases (state and index), set up on each
/// connection. WAL lets one folio read while another writes.
///
/// GRDB's own `journalMode = .wal` makes sure the WAL file is not empty by
/// creating and dropping a table: a synced write on every start of folio,
/// which a `DatabaseQueue` does not need. It also sets `synchronous = NORMAL`
/// after `prepareDatabase` has run, overriding what the caller chose.
enum WALMode {
    /// `synchronous` is "FULL" (a commit survives power loss) or "NORMAL"
    /// (it survives a crash of folio; enough for a cache).
    static func enable(_ db: Database, synchronous: String) throws {
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw DatabaseError(message: "could not switch \(db.description) to write-ahead logging (journal mode \(mode ?? "unknown"))")
        }
        try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
    }
}
