import FolioCore
import Foundation

/// The JSON that `list --json` and `show --json` print: fixed keys, absent
/// values as null, dates in ISO 8601.
enum JSONOutput {
    static func list(_ rows: [(ArticleSummary, Bool)], states: [ArticleIdentity: ArticleState] = [:]) -> String {
        JSONValue.array(rows.map { article, read in
            let state = states[article.identity] ?? ArticleState()
            return .object([
                "path": .string(PathCoding.display(article.path)),
                "title": .string(article.title),
                "source": .optional(article.source),
                "author": .optional(article.author),
                "date": .optional(article.date.map(DateParser.iso8601)),
                "read": .bool(read),
                "words": .int(article.words),
                "format": .string(article.format.rawValue),
                "identity": .string(article.identity.rawValue),
                "starred": .bool(state.isStarred),
                "archived": .bool(state.isArchived),
                "tags": .strings(ArticleSummary.cleanTags(article.tags + state.tags)),
                "position": .double(state.position),
            ])
        }).text
    }

    static func article(_ article: Article) -> String {
        JSONValue.object([
            "title": .string(article.title),
            "subtitle": .optional(article.subtitle),
            "author": .optional(article.author),
            "date": .optional(article.date.map(DateParser.iso8601)),
            "source": .optional(article.source),
            "url": .optional(article.url),
            "words": .int(article.words),
            "tags": .strings(article.tags),
            "links": .strings(article.links),
            "format": .string(article.format.rawValue),
            "body": .string(article.bodyText),
        ]).text
    }

    /// "2026-02-14".
    static func day(_ date: Date) -> String { DateParser.isoDay(date) }
}
