import FolioCore
import Foundation
import Testing
import TermKit
@testable import folio

/// The fast paths of `folio list` against the plain code they replaced, on
/// varied summaries: the same order and the same bytes.
@Suite struct ListOutputTests {
    /// Summaries with clashing dates and titles, missing dates, odd text and odd path bytes.
    static func summaries(count: Int, seed: UInt64) -> [ArticleSummary] {
        var random = SeededRandom(seed)
        let titles = ["Harbour news", "harbour news", "Caf\u{E9}", "Cafe\u{301}", "A\tB", "\u{1B}[31mred\u{1B}[0m", "Zo\u{308}e", "",
                      "\u{202E}evil", "x\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}", "\u{4E2D}\u{6587}", "line\nbreak"]
        let sources: [String?] = [nil, "cnn.com", "The \u{1B}]0;title\u{7} Times", "Tab\there", "\u{C9}cho"]
        let times: [Double?] = [nil, 0, -86_400.5, 1_700_000_000, 1_700_000_000.25, 1_700_086_399.999, 1_800_000_000, -1]
        return (0..<count).map { i in
            var path = "dir\(random.next(5))/file-\(i).txt"
            if random.next(7) == 0 { path += "\u{10FF00}\u{10FFE9}" }  // bytes that are not UTF-8, carried
            let time = times[random.next(times.count)]
            return ArticleSummary(path: path, absolutePath: "/lib/" + path, identity: ArticleIdentity(rawValue: "id\(i)"),
                                  title: titles[random.next(titles.count)], source: sources[random.next(sources.count)], author: nil,
                                  date: time.map { Date(timeIntervalSince1970: $0) },
                                  fileDate: Date(timeIntervalSince1970: Double(random.next(3)) * 1000),
                                  words: random.next(3000), format: .text)
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func newestFirstOrdersAsIsNewer(seed: UInt64) {
        let articles = Self.summaries(count: 400, seed: seed)
        let positions = Array(articles.indices).filter { $0 % 3 != 1 }
        let expected = positions.map { articles[$0] }.sorted(by: CommandSupport.isNewer)
        #expect(CommandSupport.newestFirst(articles, positions).map { articles[$0] } == expected)
    }

    @Test(arguments: [5, 6, 7])
    func plainLinesAreTheStringOnes(seed: UInt64) {
        let articles = Self.summaries(count: 300, seed: seed)
        var expected = ""
        var output = PlainListOutput()
        for (i, article) in articles.enumerated() {
            let read = i % 2 == 0
            expected += read ? "read\t" : "unread\t"
            expected += article.date.map(DateParser.isoDay) ?? "-"
            expected += "\t\(article.readingMinutes)m\t"
            expected += TerminalText.sanitize(article.title) + "\t" + TerminalText.sanitize(article.source ?? "-") + "\t"
            expected += TerminalText.sanitize(PathCoding.display(article.path)) + "\n"
            output.append(article, read: read)
        }
        #expect(output.bytes == Array(expected.utf8))
    }

    /// A small deterministic generator (splitmix64), so a failure can be replayed.
    struct SeededRandom {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
