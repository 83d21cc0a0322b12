import Foundation
import Testing
@testable import NCursesBackend
import TermKit

/// What the ncurses backend hands to `setcchar` must be printable, whatever
/// the buffer holds, and must take the columns folio measured.
struct TerminalGlyphTests {
    init() { setlocale(LC_ALL, "C.UTF-8") }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return !(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v))
    }

    @Test(arguments: ["a", "é", "日", "👩‍🔬", "🇯🇵", "☺️", "e\u{301}", " "])
    func glyphsAreGroupsOfPrintableScalars(symbol: String) {
        let width = DisplayWidth.of(Character(symbol))
        let groups = TerminalGlyph.scalars(for: symbol, width: width)
        #expect(!groups.isEmpty)
        for group in groups { #expect(group.allSatisfy(Self.isPrintable)) }
    }

    @Test func aWideEmojiTheCLibraryThinksNarrowIsPadded() {
        // U+263A has wcwidth 1; with U+FE0F folio counts it as 2 columns.
        let groups = TerminalGlyph.scalars(for: "☺️", width: 2)
        #expect(groups.count == 2)
        #expect(groups[1] == [" "])
    }
}
