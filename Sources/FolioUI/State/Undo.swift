import FolioCore

/// One undoable step: the state changes it made, the changes that undo them,
/// and — for a delete — the files it moved to the trash and their rows.
public struct UndoEntry: Equatable, Sendable {
    public var label: String
    public var redo: [StateChange]
    public var undo: [StateChange]
    public var trashed: [TrashRecord] = []
    public var removedRows: [ArticleRow] = []

    public init(label: String, redo: [StateChange], undo: [StateChange], trashed: [TrashRecord] = [], removedRows: [ArticleRow] = []) {
        self.label = label
        self.redo = redo
        self.undo = undo
        self.trashed = trashed
        self.removedRows = removedRows
    }
}

/// A file folio moved to the trash, and where it went.
public struct TrashRecord: Equatable, Sendable {
    /// The article's path in the library.
    public var path: String
    public var originalPath: String
    public var trashedPath: String
    public var infoPath: String

    public init(path: String, originalPath: String, trashedPath: String, infoPath: String) {
        self.path = path
        self.originalPath = originalPath
        self.trashedPath = trashedPath
        self.infoPath = infoPath
    }
}

extension ArticleRow {
    /// The row with a state change applied (the change's identities are not checked).
    mutating func apply(_ change: StateChange) {
        switch change {
        case .read(let value, _): isRead = value
        case .starred(let value, _): isStarred = value
        case .archived(let value, _): isArchived = value
        case .position(let value, _): position = value
        case .tag(let tag, let added, _):
            if added { if !tags.contains(tag) { tags.append(tag); tags.sort() } } else { tags.removeAll { $0 == tag } }
        }
    }

    /// True when the change would change this row.
    func differs(from change: StateChange) -> Bool {
        var copy = self
        copy.apply(change)
        return copy != self
    }
}

extension StateChange {
    /// The same change for fewer articles.
    func limited(to ids: [ArticleIdentity]) -> StateChange {
        switch self {
        case .read(let v, _): return .read(v, ids)
        case .starred(let v, _): return .starred(v, ids)
        case .archived(let v, _): return .archived(v, ids)
        case .tag(let t, let added, _): return .tag(t, added: added, ids)
        case .position(let v, let id): return .position(v, ids.first ?? id)
        }
    }

    /// What undoes this change for rows that were `before`.
    func inverse(given before: [ArticleRow]) -> StateChange {
        let ids = before.map(\.identity)
        switch self {
        case .read(let v, _): return .read(!v, ids)
        case .starred(let v, _): return .starred(!v, ids)
        case .archived(let v, _): return .archived(!v, ids)
        case .tag(let t, let added, _): return .tag(t, added: !added, ids)
        case .position(_, let id): return .position(before.first?.position ?? 0, id)
        }
    }
}
