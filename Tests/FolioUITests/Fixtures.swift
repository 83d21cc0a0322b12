import Foundation
@testable import FolioCore
import TermKit
@testable import FolioUI

/// Test data written here, never read from Samples/ or the file system.
enum Fixtures {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        utc.date(from: DateComponents(year: year, month: month, day: day, hour: 9))!
    }

    /// "Now" for every test: 29 November 2026, UTC.
    static let now = Date(timeIntervalSince1970: 1_795_910_400)

    static func summary(_ path: String, _ title: String, source: String?, author: String? = nil, date: Date?,
                        fileDate: Date = day(2026, 11, 1), words: Int, identity: String? = nil) -> ArticleSummary {
        let format = ArticleFormat(fileName: path) ?? .text
        return ArticleSummary(path: path, absolutePath: "/library/" + path,
                              identity: ArticleIdentity(rawValue: identity ?? "url:https://example.org/" + path),
                              title: title, source: source, author: author, date: date, fileDate: fileDate,
                              words: words, format: format)
    }

    /// Twelve articles, newest first; rows 1, 4, 7 and 11 are read.
    static let summaries: [ArticleSummary] = [
        summary("night-harvests.md", "Orchard growers turn to night harvests as heat builds", source: "Valley Ledger",
                author: "Priya Raman", date: day(2026, 7, 22), words: harvestArticle.words),
        summary("trade-war.html", "Why allies matter in a trade war", source: "cnn.com", date: day(2026, 4, 12), words: 700),
        summary("hydropower.html", "Glacier melt is reshaping alpine hydropower plans", source: "example.org",
                date: day(2026, 3, 9), words: 690),
        summary("harbours.html", "Port cities race to electrify their harbours", source: "Harbour Daily",
                date: day(2026, 2, 14), words: 920),
        summary("night-trains.txt", "The return of the night train", source: "Rail Review", date: day(2026, 1, 30), words: 1200),
        summary("bees.md", "Urban beekeepers count a record honey harvest", source: "City Notes", date: day(2025, 12, 3), words: 350),
        summary("typesetting.html", "A short history of typesetting on terminals", source: nil, date: nil,
                fileDate: day(2025, 11, 20), words: 2300),
        summary("rivers.md", "Rivers that run backwards", source: "Geo Weekly", date: day(2025, 10, 1), words: 500),
        summary("soup.txt", "Ten soups for the first cold week", source: "Kitchen Table", date: day(2025, 9, 15), words: 240),
        summary("shogi.html", "日本の将棋と西洋のチェス", source: "asahi.com", date: day(2025, 8, 2), words: 800),
        summary("long.md", "An extremely long title that will certainly not fit into the narrow list column at all",
                source: "Very Long Source Name Here Inc.", date: day(2025, 7, 1), words: 3000),
        summary("last.txt", "The last article", source: nil, date: nil, fileDate: day(2025, 6, 1), words: 100),
    ]

    static let readIndices: Set<Int> = [1, 4, 7, 11]

    static var rows: [ArticleRow] {
        summaries.enumerated().map { ArticleRow(summary: $1, isRead: readIndices.contains($0)) }
    }

    static func path(_ index: Int) -> String { summaries[index].path }
    static func identity(_ index: Int) -> ArticleIdentity { summaries[index].identity }

    static let harvestParagraphs = [
        "Under floodlights strung between the rows, pickers move through the pear orchard at two in the morning, when the air has finally cooled to something bearable.",
        "Growers across the valley have shifted work to the night shift for the third summer running. Daytime temperatures above 38 °C make the work dangerous, and fruit picked in the heat bruises more easily.",
        "The change has not been simple. Night work needs lighting, transport for crews who no longer ride the morning bus, and supervisors willing to keep owl's hours.",
        "Some orchards have invested in battery-powered lamps that can be moved from block to block; others rent diesel towers that hum until dawn and annoy the neighbours.",
        "Pickers say the cooler hours are a relief, though sleeping through the day in a hot house brings problems of its own.",
        "Researchers at the regional agricultural college are measuring whether fruit harvested at night keeps longer in storage. Early results suggest it does, by several days.",
        "For now, the floodlights will stay. As one grower put it, the trees do not care what time it is, and the people picking them should not have to suffer the afternoon.",
    ]

    /// The article behind `night-harvests.md`, as the sketch in DESIGN.md shows it.
    static let harvestArticle = Article(
        title: "Orchard growers turn to night harvests as heat builds", author: "Priya Raman", date: day(2026, 7, 22),
        source: "The Valley Ledger", body: harvestParagraphs.map(Block.text), format: .markdown)

    /// A short article for any other summary.
    static func article(for summary: ArticleSummary) -> Article {
        if summary.path == "night-harvests.md" { return harvestArticle }
        return Article(title: summary.title, author: summary.author, date: summary.date, source: summary.source,
                       body: [.text("This is the text of \(summary.title.lowercased()). It is short."),
                              .text("A second paragraph closes it.")],
                       format: summary.format)
    }

    /// A load failure (its initializer is internal to FolioCore).
    static func failure(_ reason: String) -> ArticleLoader.Failure { ArticleLoader.Failure(reason: reason) }

    static func article(_ index: Int) -> Article { article(for: summaries[index]) }

    /// A freshly made state, before `.start`.
    static func initialState(width: Int = 80, height: Int = 24, rows: [ArticleRow] = Fixtures.rows) -> AppState {
        AppState(folderName: "~/Articles", rows: rows, size: Size(width: width, height: height), now: now)
    }

    /// A state after start with the first article loaded in the reader (list focus).
    static func loadedState(width: Int = 80, height: Int = 24, rows: [ArticleRow] = Fixtures.rows) -> AppState {
        var state = initialState(width: width, height: height, rows: rows)
        settle(&state, .start)
        return state
    }

    /// Reduces an action and answers the `.loadArticle` effects it asks for, as the run loop would.
    @discardableResult
    static func settle(_ state: inout AppState, _ action: Action) -> [Effect] {
        var all: [Effect] = []
        var queue = [action]
        while !queue.isEmpty {
            let effects = reduce(&state, queue.removeFirst())
            all += effects
            for case .loadArticle(let path) in effects {
                let summary = state.rows.first { $0.summary.path == path }!.summary
                queue.append(.articleLoaded(path: path, .success(article(for: summary))))
            }
        }
        return all
    }

    /// Sends several commands through `settle`.
    static func settle(_ state: inout AppState, _ commands: [Command]) {
        for command in commands { settle(&state, .command(command)) }
    }
}

/// Records every effect; answers `.loadArticle` with a canned article.
final class FakeEffects: EffectHandler {
    var performed: [Effect] = []
    var polls = 0
    /// Articles by path; paths not here get `canned` (or the fixture article when `canned` is nil).
    var articles: [String: Article] = [:]
    var canned: Article?
    /// When set, `.setRead` fails with this text.
    var setReadFailure: String?
    /// What `poll` reports; nothing by default.
    var onPoll: () -> [Action] = { [] }

    init(canned: Article? = nil) { self.canned = canned }

    func perform(_ effect: Effect) -> [Action] {
        performed.append(effect)
        switch effect {
        case .loadArticle(let path):
            if let article = articles[path] ?? canned { return [.articleLoaded(path: path, .success(article))] }
            if let summary = Fixtures.summaries.first(where: { $0.path == path }) {
                return [.articleLoaded(path: path, .success(Fixtures.article(for: summary)))]
            }
            return [.articleLoaded(path: path, .failure(Fixtures.failure("no such file")))]
        case .setRead:
            return setReadFailure.map { [.effectFailed($0)] } ?? []
        case .trash(let requests, let redo):
            // The trash takes every file, as the real one does on one filesystem.
            let records = requests.map { TrashRecord(path: $0.path, originalPath: $0.file, trashedPath: "/trash/files/" + $0.path, infoPath: "/trash/info/" + $0.path + ".trashinfo") }
            return [.trashed(records, failures: [], redo: redo)]
        case .restore(let records, let rows):
            return [.restored(records, rows: rows, failures: [])]
        case .searchLibrary(let text):
            return [.searchResults(text, searchResults)]
        case .redraw, .save, .saveSetting, .pipe, .edit, .openURL, .copyToClipboard:
            return []
        }
    }

    /// What `.searchLibrary` finds.
    var searchResults: [SearchResult] = []

    func poll() -> [Action] {
        polls += 1
        return onPoll()
    }
}

extension Buffer {
    /// The screen as one string, for comparing with a multi-line literal.
    var screenText: String { lines.joined(separator: "\n") }
}
