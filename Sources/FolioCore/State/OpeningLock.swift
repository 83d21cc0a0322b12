import Foundation

/// A lock between folio processes, held while one of them opens a database
/// (creating it and its tables, or migrating it): two folios started at the
/// same moment on a new database would otherwise both create its tables, and
/// one would end up read-only. An exclusive `flock` on a small file beside the
/// database (`state.sqlite-lock`), never on the database itself: SQLite's own
/// locks are POSIX locks, which closing another descriptor of the file drops.
enum OpeningLock {
    static func holding<T, E: Error>(_ databasePath: String, _ body: () throws(E) -> T) throws(E) -> T {
        let fd = PathCoding.withCString(databasePath + "-lock") { open($0, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644) }
        // Without the lock file (a read-only folder) the open goes ahead unguarded, as before.
        if fd >= 0 { while flock(fd, LOCK_EX) == -1 && errno == EINTR {} }
        defer { if fd >= 0 { close(fd) } }  // closing releases the lock
        return try body()
    }
}
