import Foundation
import Testing

/// The live folder through the real binary in tmux: files added, changed and
/// removed while folio runs show up within seconds, with a note in the status
/// line, and neither the selection nor the reader's scroll position moves.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"), .serialized)
struct LiveFolderEndToEndTests {
    let library: URL
    let state: String

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-live-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write("Alpha harbour opens a new ferry berth", date: "2026-11-20", to: "alpha.txt")
        try write("Beta orchard growers pick fruit at night", date: "2026-11-10", to: "sub/beta.txt", paragraphs: 30)
        try write("Gamma glacier melt changes river flows", date: "2026-10-01", to: "gamma.txt")
    }

    func write(_ title: String, date: String, to name: String, paragraphs: Int = 6) throws {
        let sentence = "The council said on Tuesday that the work would continue through the winter and that residents would be told of any changes to the plan."
        let text = "\(title)\n\n\(date)\n\n" + (1...paragraphs).map { "\($0). " + sentence }.joined(separator: "\n\n") + "\n"
        try text.write(to: library.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The reader's scroll figure at the right of the status bar ("Top", "12%", "Bot").
    static func scrollFigure(_ screen: String) -> String? {
        screen.split(separator: "\n").last.map { String($0.split(separator: " ").last ?? "") }
    }

    /// The reader's first line on screen: the line below the separator of the stacked layout.
    static func readerTop(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.hasPrefix("────") }.flatMap { lines.indices.contains($0 + 1) ? String(lines[$0 + 1]) : nil }
    }

    @Test func filesAddedChangedAndRemovedAppearWithoutMovingTheReader() throws {
        let session = TmuxSession()
        session.start([TmuxSession.folioBinary, library.path, "--state", state])
        #expect(session.waitFor { $0.contains("3 articles, 3 unread") && $0.contains("Gamma glacier") } != nil, "folio did not start: \(session.screen)")

        // Open Beta (the second row) and scroll into it.
        session.send("j")
        session.send("Enter")
        #expect(session.waitFor { $0.contains("3 articles, 2 unread") } != nil)
        for _ in 0..<6 { session.send("j") }
        _ = session.waitFor { Self.scrollFigure($0).map { $0 != "Top" } ?? false }
        Thread.sleep(forTimeInterval: 0.5)  // the last of the six keys drawn
        let scrolled = session.screen
        let figure = try #require(Self.scrollFigure(scrolled))
        #expect(figure != "Top", "the reader did not scroll: \(scrolled)")
        let firstLine = try #require(Self.readerTop(scrolled))

        // Three new files, one of them newer than every other article.
        try write("Delta dairy farmers test a new milk cooperative", date: "2026-11-28", to: "delta.txt")
        try write("Epsilon estuary birds counted by volunteers", date: "2026-09-01", to: "sub/epsilon.txt")
        try write("Zeta zinc mine reopens after a decade", date: "2026-08-01", to: "zeta.txt")
        let added = try #require(session.waitFor(timeout: 10) { $0.contains("6 articles, 5 unread") && $0.contains("3 new.") },
                                 "new files did not show: \(session.screen)")
        #expect(Self.scrollFigure(added) == figure, "the reader moved: \(added)")
        #expect(Self.readerTop(added) == firstLine, "the reader's first line moved: \(added)")

        // Back to the list: Beta is still the selected article, and the newcomers are listed.
        session.send("Left")
        session.send("g")
        #expect(session.waitFor { $0.contains("Delta dairy") && ($0.contains("Zeta zinc") || $0.contains("Epsilon estuary")) } != nil,
                "the new files are not listed: \(session.screen)")

        // A changed file shows its new title; a removed one goes.
        try write("Gamma glacier report revised after new survey", date: "2026-10-01", to: "gamma.txt")
        #expect(session.waitFor(timeout: 10) { $0.contains("Gamma glacier report revised") && !$0.contains("changes river flows") } != nil,
                "the changed file did not update: \(session.screen)")
        try FileManager.default.removeItem(at: library.appendingPathComponent("zeta.txt"))
        #expect(session.waitFor(timeout: 10) { $0.contains("5 articles") && $0.contains("1 removed.") && !$0.contains("Zeta zinc") } != nil,
                "the removed file is still listed: \(session.screen)")
        session.send("q")
        #expect(session.waitUntilExited())
    }
}
