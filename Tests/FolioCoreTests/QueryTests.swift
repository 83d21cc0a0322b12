import Foundation
import Testing
@testable import FolioCore

/// The filter language on a library of 60 fixture articles: each query is
/// checked against the same selection written out by hand in Swift.
struct QueryTests {
    static let now = utc(2026, 11, 29, 12)
    static let sources = ["cnn.com", "Harbour Daily", "Valley Ledger", "example.org", nil]
    static let authors = ["Priya Raman", "Tom Lee", nil]
    static let topics = ["harbour", "orchard", "glacier", "election", "chess", "library"]

    /// 60 articles with varied dates (one a day back from now), sources, lengths and state.
    static let library: [QueryFacts] = (0..<60).map { i in
        let topic = topics[i % topics.count]
        let summary = ArticleSummary(
            path: "folder\(i % 4)/\(topic)-\(i).\(["txt", "md", "html"][i % 3])", absolutePath: "/x/\(i)",
            identity: ArticleIdentity(rawValue: "id-\(i)"), title: "The \(topic) story number \(i)",
            source: sources[i % sources.count], author: authors[i % authors.count],
            date: i % 10 == 9 ? nil : now.addingTimeInterval(-Double(i) * 86_400), fileDate: utc(2025, 1, 1),
            words: 230 * (1 + (i * 7) % 20), format: [ArticleFormat.text, .markdown, .html][i % 3])
        return QueryFacts(summary: summary, isRead: i % 3 == 0, isStarred: i % 7 == 0, isArchived: i % 11 == 0,
                          isMarked: i % 13 == 0, tags: i % 2 == 0 ? ["energy"] : (i % 5 == 0 ? ["climate", "Energy Policy"] : []))
    }

    func select(_ query: String) throws -> [Int] {
        let parsed = try QueryParser.parse(query, now: Self.now)
        return Self.library.indices.filter { parsed.matches(Self.library[$0], now: Self.now) }
    }

    func expected(_ predicate: (QueryFacts) -> Bool) -> [Int] { Self.library.indices.filter { predicate(Self.library[$0]) } }

    /// A word matches the title, source, author, path or a tag, ignoring case.
    func has(_ f: QueryFacts, _ word: String) -> Bool {
        ([f.summary.title, f.summary.source ?? "", f.summary.author ?? "", f.summary.path] + f.tags).contains { $0.lowercased().contains(word) }
    }

    @Test func flagsAndWords() throws {
        #expect(try select("unread") == expected { !$0.isRead })
        #expect(try select("read") == expected { $0.isRead })
        #expect(try select("starred") == expected { $0.isStarred })
        #expect(try select("archived") == expected { $0.isArchived })
        #expect(try select("is:marked") == expected { $0.isMarked })
        #expect(try select("HARBOUR") == expected { has($0, "harbour") })
        #expect(try select("HARBOUR").count > select("title:harbour").count)
        #expect(try select("priya") == expected { $0.summary.author == "Priya Raman" })
        #expect(try select("\"story number 1\"") == expected { $0.summary.title.contains("story number 1") })
        #expect(try select("").count == 60)
    }

    @Test func fields() throws {
        #expect(try select("source:cnn.com") == expected { $0.summary.source == "cnn.com" })
        #expect(try select("source:\"harbour daily\"") == expected { $0.summary.source == "Harbour Daily" })
        #expect(try select("author:lee") == expected { $0.summary.author == "Tom Lee" })
        #expect(try select("tag:energy") == expected { $0.tags.contains("energy") })
        #expect(try select("tag:\"energy policy\"") == expected { $0.tags.contains("Energy Policy") })
        #expect(try select("format:html") == expected { $0.summary.format == .html })
        #expect(try select("path:folder2/") == expected { $0.summary.path.hasPrefix("folder2/") })
        #expect(try select("title:glacier") == expected { $0.summary.title.contains("glacier") })
    }

    @Test func datesAgesAndLengths() throws {
        let cutoff = utc(2026, 11, 1)
        #expect(try select("after:2026-11-01") == expected { $0.summary.sortDate >= cutoff })
        #expect(try select("before:2026-11-01") == expected { $0.summary.sortDate < cutoff })
        #expect(try select("after:2026-10 before:2026-11") == expected { $0.summary.sortDate >= utc(2026, 10, 1) && $0.summary.sortDate < cutoff })
        #expect(try select("newer:7d") == expected { $0.summary.sortDate >= Self.now.addingTimeInterval(-7 * 86_400) })
        #expect(try select("older:2w") == expected { $0.summary.sortDate < Self.now.addingTimeInterval(-14 * 86_400) })
        #expect(try select("longer:10m") == expected { $0.summary.readingMinutes >= 10 })
        #expect(try select("shorter:3m") == expected { $0.summary.readingMinutes <= 3 })
        #expect(try select("longer:1h").isEmpty == expected { $0.summary.readingMinutes >= 60 }.isEmpty)
    }

    @Test func notOrAndParentheses() throws {
        #expect(try select("unread source:cnn.com") == expected { !$0.isRead && $0.summary.source == "cnn.com" })
        #expect(try select("unread and starred") == expected { !$0.isRead && $0.isStarred })
        #expect(try select("not archived") == expected { !$0.isArchived })
        #expect(try select("not not archived") == expected { $0.isArchived })
        #expect(try select("harbour or glacier") == expected { has($0, "harbour") || has($0, "glacier") })
        // "or" binds looser than "and": a b or c = (a b) or c.
        #expect(try select("unread harbour or starred") == expected { !$0.isRead && has($0, "harbour") || $0.isStarred })
        #expect(try select("unread (harbour or starred)") == expected { !$0.isRead && (has($0, "harbour") || $0.isStarred) })
        #expect(try select("(tag:energy or tag:climate) not read newer:30d") == expected {
            ($0.tags.contains("energy") || $0.tags.contains("climate")) && !$0.isRead && $0.summary.sortDate >= Self.now.addingTimeInterval(-30 * 86_400)
        })
        #expect(try select("NOT (source:cnn.com OR source:example.org)") == expected { !["cnn.com", "example.org"].contains($0.summary.source ?? "") })
    }

    @Test(arguments: [
        ("(unread", "a ( without its )"),
        ("unread)", "a ) without its ("),
        ("colour:red", "unknown field “colour:”"),
        ("after:yesterday", "after:yesterday is not a date"),
        ("newer:7x", "newer:7x is not an age"),
        ("longer:lots", "longer:lots is not a reading time"),
        ("source:", "source: needs a value"),
        ("unread or", "nothing after “or”"),
        ("not", "nothing after “not”"),
        ("\"open quote", "a \" without its closing \""),
        ("is:nice", "is:nice is not one of"),
    ])
    func errorsSayWhatIsWrong(query: String, message: String) {
        do {
            _ = try QueryParser.parse(query, now: Self.now)
            Issue.record("\(query) parsed")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func archivedIsMentioned() throws {
        #expect(try QueryParser.parse("unread or archived").mentionsArchived)
        #expect(try QueryParser.parse("not archived").mentionsArchived)
        #expect(try !QueryParser.parse("unread").mentionsArchived)
    }
}
