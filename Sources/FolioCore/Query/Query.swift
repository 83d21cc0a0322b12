import Foundation

/// A filter over the article list, as typed after `l` (limit), in a saved
/// view or with `folio list --query`:
///
///     harbour unread source:cnn.com (tag:energy or tag:climate) not archived
///     after:2026-01-01 before:2026-06-30 newer:7d longer:10m shorter:3m
///
/// Words match the title, source, author, tags and file name (ignoring case);
/// terms side by side must all match; `or` and `not` and parentheses combine them.
public indirect enum Query: Equatable, Sendable {
    case everything
    case word(String)
    case flag(Flag)
    case field(Field, String)
    /// Published on or after / before a day (the file's date when the article has none).
    case after(Date)
    case before(Date)
    /// Published within / longer ago than a number of seconds.
    case newer(TimeInterval)
    case older(TimeInterval)
    /// Reading time of at least / at most a number of minutes.
    case longer(Int)
    case shorter(Int)
    case not(Query)
    case and([Query])
    case or([Query])

    public enum Flag: String, CaseIterable, Sendable {
        case read, unread, starred, archived, marked
    }

    public enum Field: String, CaseIterable, Sendable {
        case source, tag, author, title, path, format
    }
}

/// What a query is matched against: an article's list fields and its state.
public struct QueryFacts: Sendable {
    public var summary: ArticleSummary
    public var isRead: Bool
    public var isStarred: Bool
    public var isArchived: Bool
    public var isMarked: Bool
    public var tags: [String]

    public init(summary: ArticleSummary, isRead: Bool, isStarred: Bool = false, isArchived: Bool = false,
                isMarked: Bool = false, tags: [String] = []) {
        self.summary = summary
        self.isRead = isRead
        self.isStarred = isStarred
        self.isArchived = isArchived
        self.isMarked = isMarked
        self.tags = tags
    }
}
