import Foundation
import Testing
@testable import FolioCore

/// `HTMLParser.parse` builds its tree from libxml2's SAX events; it must be the
/// tree libxml2 builds itself, copied (`HTMLTreeCopy`, the way it was done before),
/// on random tag soup and on every HTML file the tests and samples hold; and its
/// elements must come numbered as `PageIndex.number` numbers them.
struct HTMLTreeBuilderTests {
    /// Describes where two trees first differ; nil when they are the same.
    static func difference(_ a: HTMLNode, _ b: HTMLNode, path: String = "") -> String? {
        var stack = [(a, b, path)]
        while let (x, y, here) = stack.popLast() {
            if x.kind != y.kind || x.name != y.name || x.tag != y.tag { return "\(here): \(x.kind) \(x.name) vs \(y.kind) \(y.name)" }
            if Array(x.text.utf8) != Array(y.text.utf8) { return "\(here): text \(x.text.debugDescription) vs \(y.text.debugDescription)" }
            let xa = x.attributes.pairs, ya = y.attributes.pairs
            if xa.count != ya.count || zip(xa, ya).contains(where: { Array($0.name.utf8) != Array($1.name.utf8) || Array($0.value.utf8) != Array($1.value.utf8) }) {
                return "\(here): attributes \(xa) vs \(ya)"
            }
            if x.children.count != y.children.count {
                return "\(here)/\(x.name): \(x.children.count) vs \(y.children.count) children: \(x.children.map { $0.kind == .element ? $0.name : $0.text }) vs \(y.children.map { $0.kind == .element ? $0.name : $0.text })"
            }
            for (i, (cx, cy)) in zip(x.children, y.children).enumerated() { stack.append((cx, cy, "\(here)/\(x.name)[\(i)]")) }
        }
        return nil
    }

    static func compare(_ page: [UInt8], encoding: String = "UTF-8", sourceLocation: SourceLocation = #_sourceLocation) {
        let built = HTMLParser.parse(page, encoding: encoding)
        let copied = HTMLTreeCopy.parse(page, encoding: encoding)
        let shown = String(decoding: page.prefix(400), as: UTF8.self).debugDescription
        guard let built, let copied else {
            #expect(built == nil && copied == nil, "one parse failed: \(shown)", sourceLocation: sourceLocation)
            return
        }
        #expect(built.topComments == copied.topComments, "\(shown)", sourceLocation: sourceLocation)
        let difference = Self.difference(built.root, copied.root)
        #expect(difference == nil, "\(difference ?? ""): \(shown)", sourceLocation: sourceLocation)
        // The builder numbers elements as it makes them: the order and parents `PageIndex.number` finds by walking.
        #expect(built.elements.enumerated().allSatisfy { $0.element.index == $0.offset }, "\(shown)", sourceLocation: sourceLocation)
        let (nodes, parents) = PageIndex.number(built.root)
        #expect(built.elements.count == nodes.count && zip(built.elements, nodes).allSatisfy { $0 === $1 } && built.parents == parents,
                "\(shown)", sourceLocation: sourceLocation)
    }

    static let tags = ["html", "head", "body", "p", "div", "span", "b", "i", "a", "table", "tr", "td", "th", "tbody", "ul", "ol", "li",
                       "dl", "dt", "dd", "script", "style", "title", "meta", "link", "br", "img", "hr", "input", "pre", "textarea",
                       "select", "option", "form", "frameset", "frame", "noscript", "h1", "h2", "blockquote", "figure", "figcaption",
                       "article", "section", "nav", "header", "footer", "iframe", "object", "param", "font", "center", "svg", "math",
                       "x-foo", "DIV", "P", "Body", "HTML", "noframes", "xmp", "plaintext", "base", "col", "colgroup", "caption"]
    static let attributes = ["class", "id", "style", "href", "hidden", "aria-hidden", "defer", "checked", "DISABLED", "selected",
                             "nowrap", "data-x", "Class", "src", "xmlns", "xml:lang", "on-click", "é", "a b"]
    static let values = ["", "a", "A & B", "&amp;", "&lt;&#x41;&gt;", "a&nbsp;b", "x\"y", "'", "é", "\u{1}\u{1B}]52", "&bogus;",
                         String(repeating: "v", count: 40), "display:none", "\r\n", "\u{0}"]
    static let texts = [" ", "  \n ", "\r\n", "\t", "text", "Hello, world", "&amp;", "&nbsp;", "&#65;", "&#x1F600;", "&#0;",
                        "&bogus;", "&", "a & b", "<", ">", "é", "日本", "😀", "\u{1B}[31m", "\u{7F}", "\u{0}", "x\u{0}y",
                        String(repeating: "long text ", count: 130), "]]>", "--", "=", "\"", "'"]

    static func piece(_ generator: inout some RandomNumberGenerator) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &generator)! }
        switch Int.random(in: 0..<20, using: &generator) {
        case 0..<5:
            var tag = "<" + pick(tags)
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                tag += " " + pick(attributes)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: break
                case 1: tag += "=\"" + pick(values) + "\""
                case 2: tag += "='" + pick(values) + "'"
                default: tag += "=" + pick(values).filter { $0 != " " && $0 != ">" }
                }
            }
            return tag + (Int.random(in: 0..<8, using: &generator) == 0 ? "/>" : ">")
        case 5..<8: return "</" + pick(tags) + ">"
        case 8..<13: return pick(texts)
        case 13: return "<!--" + pick(texts) + (Bool.random(using: &generator) ? "-->" : "")
        case 14: return pick(["<!DOCTYPE html>", "<!doctype html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", "<!DOCTYPE>"])
        case 15: return pick(["<?xml version=\"1.0\"?>", "<?php echo 1 ?>", "<?pi"])
        case 16: return pick(["<![CDATA[x]]>", "<!x>", "<!", "</>", "< p>", "<p", "<>", "</ p>", "<a href=x"])
        case 17: return pick(["</html>", "</body>", "</head>", "<html>", "<body>", "<head>"])
        case 18: return String(repeating: "<div>", count: Int.random(in: 170...300, using: &generator))
        default: return pick(["\u{FEFF}", "\r", "\n\n", "\u{A0}", "\u{2028}"])
        }
    }

    @Test func randomTagSoupGivesTheSameTree() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            var page = ""
            for _ in 0..<Int.random(in: 0...(round % 3 == 0 ? 60 : 12), using: &generator) { page += Self.piece(&generator) }
            var bytes = Array(page.utf8)
            // Now and then a byte that is not UTF-8.
            if !bytes.isEmpty && Int.random(in: 0..<6, using: &generator) == 0 {
                bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
            }
            Self.compare(bytes)
        }
    }

    @Test func edgeCasesGiveTheSameTree() {
        let pages = [
            "", " ", "x", "<", "<!-- only -->", "<!DOCTYPE html>", "<?pi?>", "<html>", "</html>", "\u{0}",
            "<!DOCTYPE html><html><body><p>a</p></body></html><p>after</p>",
            "<html><body><p>a</p></body></html><p>after</p><!-- c -->",
            "<!-- c --><html><body>x</body></html><div>y</div>",
            "<?pi?><html><body>x</body></html><div>y</div>",
            "<p>a<!DOCTYPE html>b</p>", "<p>a<?pi?>b</p>", "<p>a<!-- c -->b</p>", "<p>a&amp;b&#65;&bogus;c</p>",
            "<script>a</script>b<style>c</style>", "<script>a</b>c</script>", "<textarea>a<b>c</textarea>",
            "<p defer checked=checked hidden data-x id=''>x</p>", "<p class=a class=b>x</p>",
            "<table><tr><td>a<td>b</table>text", "<ul><li>a<li>b</ul>", "<frameset><frame></frameset><p>x",
            "<head> <title>t</title> x</head>", "<html> \n <head>\n</head> \n<body>\n x \n</body>\n</html>\n",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><body> <p>x</p> <b>y</b> </body>",
            "<p>" + String(repeating: "a", count: 5000) + "&amp;" + String(repeating: "b", count: 3000) + "</p>",
            String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000),
            String(repeating: "<span>x", count: 400) + "<!-- deep -->y",
            "<p title=\"" + String(repeating: "z", count: 300_000) + "\">huge</p>",
            "<p>\u{1B}]52;c;SGVsbG8=\u{7}x</p><!-- \u{1B}[2J -->",
        ]
        for page in pages { Self.compare(Array(page.utf8)) }
        Self.compare([0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00])
        Self.compare(Array("<p>caf\u{E9}</p>".utf8), encoding: "ISO-8859-1")
        Self.compare(Array("<p>x</p>".utf8), encoding: "no-such-charset")
    }

    @Test func everyStoredPageGivesTheSameTree() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let folders = [here.appendingPathComponent("Fixtures"), here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")]
        var count = 0
        for folder in folders {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where ["html", "htm", "xhtml"].contains(url.pathExtension.lowercased()) {
                let bytes = Array(try Data(contentsOf: url))
                Self.compare(bytes, encoding: HTMLCharset.detect(bytes))
                count += 1
            }
        }
        #expect(count > 10)
    }
}
