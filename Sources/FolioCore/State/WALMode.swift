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
    ///
    /// A new, empty file is switched to WAL by writing its first page in
    /// rollback mode: three syncs of a journal, the file and the folder (2-4 ms
    /// each on this machine's disk, at every first start). It holds nothing yet
    /// to keep safe, so that write is not synced; the first commit at
    /// `synchronous` syncs what follows.
    static func enable(_ db: Database, synchronous: String) throws {
        if try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw DatabaseError(message: "could not switch \(db.description) to write-ahead logging (journal mode \(mode ?? "unknown"))")
        }
        try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
    }
}
