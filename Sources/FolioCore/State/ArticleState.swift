/// What folio remembers about one article.
public struct ArticleState: Equatable, Sendable {
    public var isRead = false
    public var isStarred = false
    public var isArchived = false
    /// How far through the article the reader got, 0…1.
    public var position: Double = 0
    public var tags: [String] = []

    public init(isRead: Bool = false, isStarred: Bool = false, isArchived: Bool = false, position: Double = 0, tags: [String] = []) {
        self.isRead = isRead
        self.isStarred = isStarred
        self.isArchived = isArchived
        self.position = position
        self.tags = tags
    }
}

/// One change to the state, saved as one transaction; undo saves its opposite.
public enum StateChange: Equatable, Sendable {
    case read(Bool, [ArticleIdentity])
    case starred(Bool, [ArticleIdentity])
    case archived(Bool, [ArticleIdentity])
    case tag(String, added: Bool, [ArticleIdentity])
    case position(Double, ArticleIdentity)

    /// The change applied to one article's state.
    public func apply(to state: inout ArticleState) {
        switch self {
        case .read(let value, _): state.isRead = value
        case .starred(let value, _): state.isStarred = value
        case .archived(let value, _): state.isArchived = value
        case .position(let value, _): state.position = value
        case .tag(let tag, let added, _):
            if added { if !state.tags.contains(tag) { state.tags.append(tag); state.tags.sort() } } else { state.tags.removeAll { $0 == tag } }
        }
    }

    public var identities: [ArticleIdentity] {
        switch self {
        case .read(_, let ids), .starred(_, let ids), .archived(_, let ids), .tag(_, _, let ids): return ids
        case .position(_, let id): return [id]
        }
    }
}
