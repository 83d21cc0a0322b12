import Testing
@testable import TermKit

/// `Buffer.put` writes printable ASCII a byte at a time and measures a run of
/// one character once; both must give the cells the Character-by-Character
/// way gives (written out here on a fresh row).
@Suite struct BufferPutPathsTests {
    /// The row `put` should leave on a blank buffer `width` wide, and the columns used.
    static func expected(_ text: String, x: Int, width: Int, maxWidth: Int?) -> ([Cell], Int) {
        var cells = [Cell](repeating: .blank, count: width)
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0, x < width else { return (cells, 0) }
        var column = 0
        for character in TerminalText.sanitize(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                if w == 2 && column < limit {
                    if x + column >= 0 { cells[x + column] = Cell(" ") }
                    column += 1
                }
                break
            }
            if x + column >= 0 {
                cells[x + column] = Cell(String(character), width: UInt8(w))
                if w == 2, x + column + 1 < width { cells[x + column + 1] = .continuation(.plain) }
            } else if x + column + w > 0 {
                cells[0] = Cell(" ")
            }
            column += w
        }
        return (cells, column)
    }

    @Test func cellsAreThoseOfTheCharacterByCharacterWay() {
        let pieces = ["a", "Z", " ", "~", "hello", "────", "─", "●", "…", "é", "e\u{301}", "日本", "👍🏽", "\t", "\u{1B}[31m", "\u{200B}", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let asciiOnly = Bool.random(using: &generator)
            let pool = asciiOnly ? ["a", "Z", " ", "~", "hello", "x", "{}"] : pieces
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 1...24, using: &generator)
            let x = Int.random(in: -6...26, using: &generator)
            let maxWidth: Int? = Bool.random(using: &generator) ? nil : Int.random(in: 0...20, using: &generator)
            var buffer = Buffer(size: Size(width: width, height: 1))
            let used = buffer.put(text, x: x, y: 0, maxWidth: maxWidth)
            let (cells, columns) = Self.expected(text, x: x, width: width, maxWidth: maxWidth)
            #expect(used == columns, "\(text.debugDescription) at \(x) in \(width), max \(String(describing: maxWidth))")
            #expect(buffer.cells == cells, "\(text.debugDescription) at \(x) in \(width), max \(String(describing: maxWidth))")
        }
    }
}
