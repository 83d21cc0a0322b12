import Testing
@testable import TermKit

@Suite struct BufferTests {
    func row(_ buffer: Buffer, _ y: Int = 0) -> [String] { (0..<buffer.size.width).map { buffer[$0, y].symbol } }

    // MARK: put and clipping

    @Test func putWritesTextAndReturnsTheColumnsUsed() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        #expect(buffer.put("hello", x: 2, y: 1, style: .bold) == 5)
        #expect(buffer.lines == ["", "  hello"])
        #expect(buffer[2, 1] == Cell("h", style: .bold))
        #expect(buffer[7, 1] == .blank)
    }

    @Test func putClipsAtTheRightEdge() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        #expect(buffer.put("overflowing", x: 6, y: 0) == 4)
        #expect(buffer.lines == ["      over"])
    }

    @Test func putClipsToMaxWidth() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        #expect(buffer.put("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(buffer.lines == [" abc"])
    }

    @Test func putOutsideTheBufferDoesNothing() {
        var buffer = Buffer(size: Size(width: 5, height: 2))
        let empty = buffer
        #expect(buffer.put("x", x: 5, y: 0) == 0)
        #expect(buffer.put("x", x: 0, y: 2) == 0)
        #expect(buffer.put("x", x: 0, y: -1) == 0)
        #expect(buffer.put("x", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(buffer == empty)
    }

    @Test func putFromANegativeColumnShowsOnlyTheVisiblePart() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.put("hello", x: -2, y: 0)
        #expect(buffer.lines == ["llo"])
    }

    /// At the right edge a wide character cut in half becomes a space; at the left edge
    /// (negative x) the visible half is skipped instead, leaving the old cell as it was.
    @Test func wideCharacterCutAtTheLeftEdgeBecomesASpace() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.fill(buffer.area, with: Cell("x"))
        buffer.put("日ab", x: -1, y: 0)
        #expect(Array(row(buffer)[1...2]) == ["a", "b"])
        #expect(buffer[0, 0].symbol == " ")
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        #expect(buffer.put("日本", x: 0, y: 0) == 4)
        #expect(buffer[0, 0].symbol == "日" && buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].symbol == "本")
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer.lines == ["日本"])
        #expect(buffer.text(ofRow: 0) == "日本  ")
    }

    @Test func wideCharacterAtTheLastColumnBecomesASpace() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.fill(buffer.area, with: Cell("x"))
        #expect(buffer.put("abcd日", x: 0, y: 0, style: .bold) == 5)
        #expect(row(buffer) == ["a", "b", "c", "d", " "])
        #expect(buffer[4, 0] == Cell(" ", style: .bold))
        #expect(buffer.lines == ["abcd"])
    }

    @Test func wideCharacterAtTheEdgeOfMaxWidthBecomesASpace() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.fill(buffer.area, with: Cell("x"))
        #expect(buffer.put("a日本", x: 0, y: 0, maxWidth: 4) == 4)
        #expect(row(buffer) == ["a", "日", "", " ", "x", "x", "x", "x"])
    }

    @Test func overwritingTheFirstHalfOfAWideCharacterBlanksTheSecond() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("日本", x: 0, y: 0)
        buffer.put("y", x: 2, y: 0)
        #expect(row(buffer) == ["日", "", "y", " ", " ", " "])
        #expect(!buffer[3, 0].isContinuation)
        #expect(buffer.lines == ["日y"])
    }

    @Test func overwritingTheSecondHalfOfAWideCharacterBlanksTheFirst() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("日本", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(row(buffer) == [" ", "x", "本", "", " ", " "])
        #expect(buffer.lines == [" x本"])
    }

    @Test func aWideCharacterAcrossTwoOthersBlanksTheirOuterHalves() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("日本", x: 0, y: 0)
        buffer.put("中", x: 1, y: 0)
        #expect(row(buffer) == [" ", "中", "", " ", " ", " "])
        #expect(buffer.lines == [" 中"])
        // Every continuation follows a wide head.
        for x in 0..<6 where buffer[x, 0].isContinuation { #expect(x > 0 && buffer[x - 1, 0].width == 2) }
    }

    @Test func fillOverHalfAWideCharacterKeepsTheGridWhole() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("日本語", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        #expect(row(buffer) == [" ", "-", "-", " ", "語", ""])
    }

    @Test func controlCharactersNeverReachTheBuffer() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.put("a\u{1B}[31mb\tc\nd", x: 0, y: 0)
        for x in 0..<20 {
            #expect(!buffer[0 + x, 0].symbol.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    @Test func stylesAndAttributes() {
        var buffer = Buffer(size: Size(width: 4, height: 2))
        buffer.put("ab", x: 0, y: 0, style: .bold)
        buffer.addAttributes(.reverse, in: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(buffer[0, 0].style.attributes == .bold)
        #expect(buffer[1, 0].style.attributes == [.bold, .reverse])
        #expect(buffer[3, 0].style.attributes == .reverse)
        buffer.setStyle(.dim, in: Rect(x: 0, y: 0, width: 10, height: 10))
        #expect(buffer[1, 0] == Cell("b", style: .dim))
        #expect(buffer[3, 1] == Cell(" ", style: .dim))
    }

    @Test func spansAreWrittenOneAfterTheOther() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        #expect(buffer.put([Span("ab", style: .bold), Span("cd"), Span("efgh", style: .dim)], x: 1, y: 0, maxWidth: 6) == 6)
        #expect(buffer.lines == [" abcdef"])
        #expect(buffer[2, 0].style == .bold)
        #expect(buffer[3, 0].style == .plain)
        #expect(buffer[6, 0].style == .dim)
        #expect(buffer[7, 0] == .blank)
    }

    @Test func linesDropTrailingSpacesButKeepLeadingOnes() {
        var buffer = Buffer(size: Size(width: 8, height: 3))
        buffer.put("  a b  ", x: 0, y: 0)
        buffer.put("日", x: 6, y: 2)
        #expect(buffer.lines == ["  a b", "", "      日"])
    }

    // MARK: changes(since:)

    @Test func noPreviousFrameMeansEverything() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.put("ab", x: 0, y: 1)
        let runs = buffer.changes(since: nil)
        #expect(runs.count == 3)
        #expect(runs.map(\.y) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
        #expect(runs[1].cells.map(\.symbol) == ["a", "b", " ", " "])
    }

    @Test func identicalFramesHaveNoRuns() {
        var buffer = Buffer(size: Size(width: 10, height: 4))
        buffer.put("hello 日本", x: 0, y: 2)
        #expect(buffer.changes(since: buffer) == [])
    }

    @Test func oneChangedCellIsOneRun() {
        var before = Buffer(size: Size(width: 10, height: 4))
        before.put("hello", x: 0, y: 2)
        var after = before
        after.put("j", x: 0, y: 2)
        #expect(after.changes(since: before) == [CellRun(x: 0, y: 2, cells: [Cell("j")])])
    }

    @Test func aStyleChangeIsAChange() {
        var before = Buffer(size: Size(width: 10, height: 1))
        before.put("abc", x: 3, y: 0)
        var after = before
        after.addAttributes(.reverse, in: Rect(x: 4, y: 0, width: 1, height: 1))
        #expect(after.changes(since: before) == [CellRun(x: 4, y: 0, cells: [Cell("b", style: .reverse)])])
    }

    @Test func separateChangesOnOneRowAreSeparateRuns() {
        let before = Buffer(size: Size(width: 10, height: 2))
        var after = before
        after.put("a", x: 1, y: 0)
        after.put("bc", x: 6, y: 0)
        after.put("d", x: 9, y: 1)
        #expect(after.changes(since: before) == [CellRun(x: 1, y: 0, cells: [Cell("a")]),
                                                 CellRun(x: 6, y: 0, cells: [Cell("b"), Cell("c")]),
                                                 CellRun(x: 9, y: 1, cells: [Cell("d")])])
    }

    @Test func aChangedWideCharacterIsSentWhole() {
        var before = Buffer(size: Size(width: 6, height: 1))
        before.put("a日b", x: 0, y: 0)
        var after = before
        after.put("月", x: 1, y: 0)
        let runs = after.changes(since: before)
        #expect(runs == [CellRun(x: 1, y: 0, cells: [Cell("月", width: 2), .continuation(.plain)])])
    }

    @Test func aRunNeverStartsOnAContinuation() {
        var before = Buffer(size: Size(width: 6, height: 1))
        before.put("日", x: 0, y: 0)
        var after = before
        after.setStyle(.bold, in: Rect(x: 1, y: 0, width: 1, height: 1))   // only the continuation differs
        let runs = after.changes(since: before)
        #expect(runs.count == 1)
        #expect(runs[0].x == 0)
        #expect(runs[0].cells.first?.symbol == "日")
    }

    @Test func aSizeChangeMeansEverything() {
        let before = Buffer(size: Size(width: 4, height: 2))
        let after = Buffer(size: Size(width: 5, height: 2))
        let runs = after.changes(since: before)
        #expect(runs.count == 2)
        #expect(runs.reduce(0) { $0 + $1.cells.count } == 10)
    }

    @Test func testBackendCountsTheCellsItWasSent() {
        let backend = TestBackend(width: 10, height: 3)
        var frame = Buffer(size: Size(width: 10, height: 3))
        backend.draw(frame, previous: nil)
        #expect(backend.lastChangedCells == 30)
        let previous = frame
        frame.put("ab", x: 4, y: 1)
        backend.draw(frame, previous: previous)
        #expect(backend.lastChangedCells == 2)
        #expect(backend.drawCount == 2)
        #expect(backend.lines == ["", "    ab", ""])
        #expect(backend.text == "\n    ab\n")
    }

    @Test func testBackendQueuesEventsAndClosesWhenEmpty() {
        let backend = TestBackend(width: 10, height: 3)
        backend.events = [.key(.char("a"))]
        backend.resize(width: 20, height: 5)
        #expect(backend.size == Size(width: 20, height: 5))
        #expect(backend.nextEvent(timeout: 0) == .key(.char("a")))
        #expect(backend.nextEvent(timeout: 0) == .resize(Size(width: 20, height: 5)))
        #expect(backend.nextEvent(timeout: 0) == nil)            // one pause, as a person makes
        #expect(backend.nextEvent(timeout: 0) == .inputClosed)
        backend.closesWhenEmpty = false
        #expect(backend.nextEvent(timeout: 0) == nil)
    }
}
