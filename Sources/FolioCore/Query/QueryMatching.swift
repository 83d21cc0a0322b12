import Foundation

extension Query {
    /// True when the article matches. `now` is for `newer:` and `older:`.
    public func matches(_ facts: QueryFacts, now: Date) -> Bool {
        switch self {
        case .everything:
            return true
        case .word(let word):
            let s = facts.summary
            return [s.title, s.source ?? "", s.author ?? "", s.path].contains { $0.containsIgnoringCase(word) }
                || facts.tags.contains { $0.containsIgnoringCase(word) }
        case .flag(let flag):
            switch flag {
            case .read: return facts.isRead
            case .unread: return !facts.isRead
            case .starred: return facts.isStarred
            case .archived: return facts.isArchived
            case .marked: return facts.isMarked
            }
        case .field(let field, let value):
            let s = facts.summary
            switch field {
            case .source: return (s.source ?? "").containsIgnoringCase(value)
            case .author: return (s.author ?? "").containsIgnoringCase(value)
            case .title: return s.title.containsIgnoringCase(value)
            case .path: return s.path.containsIgnoringCase(value)
            case .tag: return facts.tags.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
            case .format: return s.format.rawValue == value.lowercased() || (value.lowercased() == "md" && s.format == .markdown)
                || (value.lowercased() == "txt" && s.format == .text)
            }
        case .after(let day): return facts.summary.sortDate >= day
        case .before(let day): return facts.summary.sortDate < day
        case .newer(let seconds): return facts.summary.sortDate >= now.addingTimeInterval(-seconds)
        case .older(let seconds): return facts.summary.sortDate < now.addingTimeInterval(-seconds)
        case .longer(let minutes): return facts.summary.readingMinutes >= minutes
        case .shorter(let minutes): return facts.summary.readingMinutes <= minutes
        case .not(let inner): return !inner.matches(facts, now: now)
        case .and(let terms): return terms.allSatisfy { $0.matches(facts, now: now) }
        case .or(let terms): return terms.contains { $0.matches(facts, now: now) }
        }
    }

    /// True when the query says anything about archived articles (then they are
    /// not hidden by default).
    public var mentionsArchived: Bool {
        switch self {
        case .flag(.archived): return true
        case .not(let inner): return inner.mentionsArchived
        case .and(let terms), .or(let terms): return terms.contains { $0.mentionsArchived }
        default: return false
        }
    }
}
