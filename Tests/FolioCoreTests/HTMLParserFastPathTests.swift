import Foundation
import Testing
@testable import FolioCore

/// The name cache and attribute list of `HTMLParser` give what
/// `String(cString:).lowercased()` and a dictionary give.
struct HTMLParserFastPathTests {
    static let pieces = ["a", "Z", "div", "DIV", "Data-X", "-", ":", "_", "0", "é", "É", "İ", "\u{212A}", "ß", "\u{301}", "日", "\u{C0}", "\u{7F}",
                         "\u{1}", "\t", " ", "😀"]

    @Test func lowerCasedNames() {
        var generator = SystemRandomNumberGenerator()
        var names = ["", "a", "A", "html", "HTML", "Data-Foo", "é", "İ", "other", "divx", "h7", "tablex", "figcaptions", "aria-hidde",
                     "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOPQ", "data-a-very-long-attribute-name"]
        names += ElementTag.allCases.map(\.rawValue) + ElementTag.allCases.map { $0.rawValue.uppercased() }
        for _ in 0..<5000 {
            names.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        for _ in 0..<2000 {
            names.append(String((0..<Int.random(in: 1...20, using: &generator)).map { _ in "abcdefghijklmnopqrstuvwxyz-123".randomElement(using: &generator)! }))
        }
        // Invalid UTF-8, as a page's bytes may hold.
        let invalid: [[UInt8]] = [[0xFF], [0x41, 0xC3], [0xC3, 0x28], [0xE6, 0x97], [0x61, 0x80, 0x42]]
        for name in names.map({ Array($0.utf8) }) + invalid {
            let bytes = name + [0]
            bytes.withUnsafeBufferPointer { b in
                let expected = String(cString: b.baseAddress!).lowercased()
                #expect(XMLNameCache.lowerCased(b.baseAddress!) == expected, "\(name)")
                let (found, tag) = XMLNameCache.name(b.baseAddress!)
                #expect(Array(found.utf8) == Array(expected.utf8) && tag == ElementTag(name: expected), "\(name)")
            }
        }
    }

    @Test func attributesActLikeADictionary() {
        var generator = SystemRandomNumberGenerator()
        let names = ["class", "id", "style", "href", "hidden", "aria-hidden", "Class", "é", ""]
        for _ in 0..<2000 {
            var list = HTMLAttributes()
            var dictionary: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let name = names.randomElement(using: &generator)!
                let value: String? = Bool.random(using: &generator) && Int.random(in: 0...5, using: &generator) == 0 ? nil : "v\(Int.random(in: 0...3, using: &generator))"
                list[name] = value
                dictionary[name] = value
            }
            #expect(list.isEmpty == dictionary.isEmpty)
            #expect(list.count == dictionary.count)
            for name in names { #expect(list[name] == dictionary[name]) }
        }
        let literal: HTMLAttributes = ["a": "1", "b": "2"]
        #expect(literal["a"] == "1" && literal["b"] == "2" && literal["c"] == nil)
    }

    @Test func attributeValuesAsLibXML2GivesThem() throws {
        // Values with entities, an empty value, no value and case: the tree still reads them as before.
        let html = "<html><body><div CLASS=\"A &amp; B\" id='' hidden data-x=\"&lt;&#x41;&gt;\" title=\"a&nbsp;b\"><p>Text</p></div></body></html>"
        let parsed = try #require(HTMLParser.parse(Array(html.utf8), encoding: "UTF-8"))
        let div = try #require(parsed.root.first("div"))
        #expect(div.tag == .div)
        #expect(div.attributes["class"] == "A & B")
        #expect(div.attributes["id"] == "")
        #expect(div.attributes["hidden"] == "")
        #expect(div.attributes["data-x"] == "<A>")
        #expect(div.attributes["title"] == "a\u{A0}b")
        #expect(div.attributes.count == 5)
    }

    @Test func controlScanMatchesByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let common: [UInt8] = [0x20, 0x41, 0x0A, 0x0D, 0x09, 0x0C, 0x80, 0xFF, 0xC3, 0xA9, 0x7E, 0x21]
        for length in 0...40 {
            for _ in 0..<300 {
                var bytes = (0..<length).map { _ in common.randomElement(using: &generator)! }
                // One or no byte from the whole range, at any place.
                if length > 0 && Bool.random(using: &generator) {
                    bytes[Int.random(in: 0..<length, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                #expect(ControlShield.hasShielded(bytes) == bytes.contains(where: ControlShield.isShielded), "\(bytes)")
            }
        }
        for byte in UInt8.min...UInt8.max {
            for place in 0..<9 {
                var bytes = [UInt8](repeating: 0x41, count: 9)
                bytes[place] = byte
                #expect(ControlShield.hasShielded(bytes) == ControlShield.isShielded(byte), "\(byte) at \(place)")
            }
        }
    }

    /// Text figures eight ASCII bytes at a time give what the byte-by-byte reference gives.
    @Test func textFiguresOnLongText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["word", "a", "ab", "abcdefgh", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{8}", "\u{E}", "\u{1F}", ",", ", ", "-", "~", "\u{7F}",
                      "\u{A0}", "é", "，", "、", "،", "日本", "😀", "\u{301}"]
        var texts = ["", " ", "        ", "abcdefgh", " abcdefg", "       a", "a       ", "\u{A0}       x", "\u{A0}abcdefgh ijklmnop", ",,,,,,,,,"]
        for _ in 0..<5000 {
            texts.append((0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let figures = TextFigures.measure(text)
            let expected = HTMLFastPathTests.referenceFigures(text)
            #expect(figures.length == expected.length && figures.commas == expected.commas, "\(Array(text.unicodeScalars))")
        }
    }
}
