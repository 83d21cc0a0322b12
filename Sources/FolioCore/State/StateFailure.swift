/// What can go wrong with the state database, in words a user can act on.
public enum StateFailure: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    /// The file is not a database, or is damaged. `backup` is the copy kept aside.
    case corrupt(path: String, backup: String?)
    /// Written by a newer folio (its schema has migrations this one does not know).
    case newerSchema(path: String)
    /// The file or its folder cannot be written.
    case readOnly(path: String)
    /// A write failed (disk full, I/O error); nothing was changed.
    case writeFailed(path: String, reason: String)
    /// The store is read-only; the change lives in memory for this run.
    case notSaved(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open state database \(path): \(reason)"
        case .corrupt(let path, let backup):
            return "state database \(path) is damaged" + (backup.map { "; a copy is kept at \($0)" } ?? "")
                + "; move it away to start afresh"
        case .newerSchema(let path):
            return "state database \(path) was written by a newer folio; upgrade folio to change it"
        case .readOnly(let path):
            return "state database \(path) is not writable"
        case .writeFailed(let path, let reason):
            return "could not save to \(path): \(reason)"
        case .notSaved(let reason):
            return "not saved: \(reason)"
        }
    }
}
