import Foundation
@testable import FolioCore
import TermKit
@testable import FolioUI

/// A library of sixty articles built in code, for search, filter, sort and bulk tests.
/// Everything about article `i` follows from `i`, so each test can compute what it
/// expects with plain Swift (the oracle) instead of the query language under test.
enum BigLibrary {
    static let count = 60
    static let topics = ["Orchard", "Glacier", "Railway", "Library", "Market", "Ferry"]
    static let sources = ["Valley Ledger", "Coast Daily", "cnn.com", "Rail Review", "City Notes"]
    static let authors: [String?] = ["Priya Raman", "Tomas Berg", "Ana Sousa", nil]
    static let extensions = ["md", "html", "txt"]

    static func topic(_ i: Int) -> String { topics[i % topics.count] }
    static func source(_ i: Int) -> String { sources[i % sources.count] }
    static func author(_ i: Int) -> String? { authors[i % authors.count] }
    static func path(_ i: Int) -> String { String(format: "a%02d.", i) + extensions[i % extensions.count] }
    static func title(_ i: Int) -> String { "\(topic(i)) report number \(i)" }
    /// Article i was published i * 6 + 1 days before `Fixtures.now`: newest first by index.
    static func date(_ i: Int) -> Date { Fixtures.now.addingTimeInterval(-Double(i * 6 + 1) * 86_400) }
    /// 100 words for article 0, 50 more for each next one (1 to 14 minutes).
    static func words(_ i: Int) -> Int { 100 + 50 * i }
    static func minutes(_ i: Int) -> Int { ReadingTime.minutes(words: words(i)) }
    static func isRead(_ i: Int) -> Bool { i % 3 == 0 }
    static func isStarred(_ i: Int) -> Bool { i % 7 == 0 }
    static func isArchived(_ i: Int) -> Bool { i % 10 == 9 }
    static func tags(_ i: Int) -> [String] {
        var tags: [String] = []
        if i % 5 == 0 { tags.append("climate") }
        if i % 4 == 0 { tags.append("energy") }
        if i % 6 == 1 { tags.append("longform") }
        return tags.sorted()
    }

    static func summary(_ i: Int) -> ArticleSummary {
        Fixtures.summary(path(i), title(i), source: source(i), author: author(i), date: date(i), words: words(i))
    }

    static func row(_ i: Int) -> ArticleRow {
        var row = ArticleRow(summary: summary(i), isRead: isRead(i))
        row.isStarred = isStarred(i)
        row.isArchived = isArchived(i)
        row.tags = tags(i)
        return row
    }

    static var rows: [ArticleRow] { (0..<count).map(row) }

    /// The article behind `path(i)`: a unique word ("zephyr12") and enough text to scroll.
    static func article(_ i: Int) -> Article {
        Article(title: title(i), author: author(i), date: date(i), source: source(i),
                body: [.text("This is report \(i) about the \(topic(i).lowercased()), with the code word zephyr\(i)."),
                       .text("A second paragraph follows it.")],
                format: ArticleFormat(fileName: path(i)) ?? .text)
    }

    /// The indices (in this library) of the articles with `predicate`, in library order.
    static func indices(where predicate: (Int) -> Bool) -> [Int] { (0..<count).filter(predicate) }

    /// A state after start on this library.
    static func loadedState(width: Int = 80, height: Int = 24, rows: [ArticleRow] = BigLibrary.rows) -> AppState {
        let driver = Driver(Fixtures.initialState(width: width, height: height, rows: rows))
        driver.send(.start)
        return driver.state
    }

    /// The index of a path of this library.
    static func index(of path: String) -> Int { Int(path.dropFirst().prefix(2))! }
}

/// Runs actions through `reduce` and answers every effect as the run loop would,
/// with `FakeEffects` (loads, the trash, restores and searches).
final class Driver {
    var state: AppState
    let effects = FakeEffects()
    /// Every effect the reducer asked for, in order.
    var asked: [Effect] = []

    init(_ state: AppState) {
        self.state = state
        for i in 0..<BigLibrary.count { effects.articles[BigLibrary.path(i)] = BigLibrary.article(i) }
    }

    /// Sends an action and the actions its effects report back; returns every effect asked for.
    @discardableResult
    func send(_ action: Action) -> [Effect] {
        var all: [Effect] = []
        var queue = [action]
        while !queue.isEmpty {
            let effects = reduce(&state, queue.removeFirst())
            all += effects
            for effect in effects { queue += self.effects.perform(effect) }
        }
        asked += all
        return all
    }

    @discardableResult
    func command(_ commands: Command...) -> [Effect] {
        commands.flatMap { send(.command($0)) }
    }

    /// Types text into the open prompt, a key at a time.
    @discardableResult
    func type(_ text: String) -> [Effect] {
        text.flatMap { send(.promptKey(.char($0))) }
    }

    @discardableResult
    func key(_ key: Key) -> [Effect] { send(.promptKey(key)) }

    /// The paths of the list as shown.
    var listed: [String] { state.rows.map(\.summary.path) }

    func row(_ path: String) -> ArticleRow? { state.library.first { $0.summary.path == path } }
}

extension Fixtures {
    /// `count` articles, all unread, newest first (for the mark-all-read confirmation).
    static func unreadRows(_ count: Int) -> [ArticleRow] {
        (0..<count).map { i in
            ArticleRow(summary: summary(String(format: "u%03d.md", i), "Unread article \(i)", source: "Feed",
                                        date: now.addingTimeInterval(-Double(i + 1) * 3600), words: 300),
                       isRead: false)
        }
    }

    /// The trash record FakeEffects makes for a fixture path.
    static func trashRecord(_ path: String) -> TrashRecord {
        TrashRecord(path: path, originalPath: "/library/" + path, trashedPath: "/trash/files/" + path, infoPath: "/trash/info/" + path + ".trashinfo")
    }
}
