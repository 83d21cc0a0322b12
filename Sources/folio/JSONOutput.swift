import FolioCore
import Foundation

/// The JSON that `list --json` and `show --json` print: fixed keys, absent
/// values as null, dates in ISO 8601.
enum JSONOutput {
    static func list(_ rows: [(ArticleSummary, Bool)], states: [ArticleIdentity: ArticleState] = [:]) -> String {
        let objects: [[String: Any]] = rows.map { article, read in
            let state = states[article.identity] ?? ArticleState()
            return [
                "path": PathCoding.display(article.path),
                "title": article.title,
                "source": article.source ?? NSNull(),
                "author": article.author ?? NSNull(),
                "date": article.date.map(DateParser.iso8601) ?? NSNull(),
                "read": read,
                "words": article.words,
                "format": article.format.rawValue,
                "identity": article.identity.rawValue,
                "starred": state.isStarred,
                "archived": state.isArchived,
                "tags": ArticleSummary.cleanTags(article.tags + state.tags),
                "position": state.position,
            ]
        }
        return encode(objects)
    }

    static func article(_ article: Article) -> String {
        let object: [String: Any] = [
            "title": article.title,
            "subtitle": article.subtitle ?? NSNull(),
            "author": article.author ?? NSNull(),
            "date": article.date.map(DateParser.iso8601) ?? NSNull(),
            "source": article.source ?? NSNull(),
            "url": article.url ?? NSNull(),
            "words": article.words,
            "tags": article.tags,
            "links": article.links,
            "format": article.format.rawValue,
            "body": article.bodyText,
        ]
        return encode(object)
    }

    /// "2026-02-14".
    static func day(_ date: Date) -> String { DateParser.isoDay(date) }

    private static func encode(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
