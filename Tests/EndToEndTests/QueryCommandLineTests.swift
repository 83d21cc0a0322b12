import Foundation
import Testing

/// `folio list --query` and `folio show DIR --query` through the real binary:
/// the reader's query language, state included (read, starred, archived).
@Suite struct QueryCommandLineTests {
    let library: URL
    let state: String

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-query-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let body = (1...5).map { _ in "The board said on Monday that the plan would go ahead in the spring and that the cost would stay within budget." }
        for (name, title, source, date) in [("a.txt", "Harbour pilots train on the new tug", "Harbour Daily", "2026-11-20"),
                                            ("b.txt", "Orchard growers pick fruit at night", "Valley Post", "2026-11-10"),
                                            ("c.txt", "Harbour wall repairs finish early", "Valley Post", "2026-10-01")] {
            let text = ([title, "", date, ""] + body + ["", "This post appeared first on \(source)."]).joined(separator: "\n\n")
            try text.write(to: library.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    func folio(_ arguments: [String]) throws -> String {
        try #require(Shell.run([TmuxSession.folioBinary] + arguments + ["--state", state]))
    }

    func titles(_ json: String) throws -> [String] {
        let array = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return array.compactMap { $0["title"] as? String }
    }

    @Test func listAndShowSelectWithTheQueryLanguage() throws {
        #expect(try titles(folio(["list", library.path, "--json", "--query", "harbour"]))
                == ["Harbour pilots train on the new tug", "Harbour wall repairs finish early"])
        #expect(try titles(folio(["list", library.path, "--json", "--query", "source:valley not harbour"])) == ["Orchard growers pick fruit at night"])

        // State counts: read and archived articles, as the reader sees them.
        _ = try folio(["mark", "read", library.appendingPathComponent("a.txt").path])
        #expect(try titles(folio(["list", library.path, "--json", "--query", "harbour unread"])) == ["Harbour wall repairs finish early"])

        let shown = try folio(["show", library.path, "--query", "harbour read", "--width", "60"])
        #expect(shown.hasPrefix("Harbour pilots train on the new tug"))
        #expect(!shown.contains("Harbour wall repairs"))
        #expect(try titles(folio(["show", library.path, "--json", "--query", "after:2026-11-01 or source:nowhere"]))
                == ["Harbour pilots train on the new tug", "Orchard growers pick fruit at night"])
    }

    @Test func searchFindsAnArticleByAWordInItsBody() throws {
        try "Lighthouse keepers\n\n2026-11-01\n\nThe keepers logged a rare zorbuline shimmer over the bay on Friday night, the first since records began in the village.\n"
            .write(to: library.appendingPathComponent("d.txt"), atomically: true, encoding: .utf8)
        let out = try folio(["search", "zorbuline", library.path])
        let fields = out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(fields.count == 1)
        #expect(fields.first?.first == "d.txt")
        #expect(fields.first?.last?.contains("zorbuline") == true)
        let json = try folio(["search", "budget", library.path, "--json"])
        #expect(try titles(json).sorted() == ["Harbour pilots train on the new tug", "Harbour wall repairs finish early", "Orchard growers pick fruit at night"])
    }

    /// The JSON is written by hand: quotes, backslashes, control characters and
    /// non-ASCII text must come back exactly as a JSON parser reads them.
    @Test func showJSONEscapesWhatJSONNeedsEscaped() throws {
        let title = "Quotes \"here\", a back\\slash, a tab\tand ünïcödé 🚲"
        try (title + "\n\n2026-11-01\n\nThe body says \"hello\" and C:\\path, then a bell \u{07} and goes on for a while.\n")
            .write(to: library.appendingPathComponent("odd.txt"), atomically: true, encoding: .utf8)
        let out = try folio(["show", "--json", library.appendingPathComponent("odd.txt").path])
        let object = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["title"] as? String == title.replacingOccurrences(of: "\t", with: " "))
        #expect((object["body"] as? String)?.contains("\"hello\" and C:\\path") == true)
        #expect(object["subtitle"] is NSNull)
        #expect(object["words"] as? Int ?? 0 > 10)
    }

    @Test func aBadQueryIsNamedOnStderr() {
        let (out, err) = Shell.runCapturingBoth([TmuxSession.folioBinary, "show", library.path, "--query", "newer:7x", "--state", state])
        #expect(out.isEmpty)
        #expect(err.contains("--query: newer:7x is not an age"))
    }
}
