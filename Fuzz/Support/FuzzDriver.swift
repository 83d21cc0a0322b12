#if canImport(Glibc)
import Glibc
#endif
import FolioCore
import TermKit

/// libFuzzer's entry point for programs with their own `main` (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments, calling `callback` for each input.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }

    /// The input as an array (libFuzzer may pass a null pointer for an empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Extracts `bytes` and checks the article; a broken property traps, which libFuzzer reports.
    public static func extract(_ extractor: some ArticleExtractor, _ bytes: [UInt8], fileName: String) {
        let article: Article
        do {
            article = try extractor.extract(from: bytes, fileName: fileName)
        } catch {
            return      // failing cleanly is fine
        }
        _ = ArticleIdentity.of(article: article, bytes: bytes)
        _ = article.bodyText
        _ = article.readingMinutes
        for link in article.body.flatMap(Self.linkNumbers) {
            check(link >= 1 && link <= article.links.count, "link number \(link) outside 1...\(article.links.count)")
        }
        for text in strings(of: article) {
            checkSanitized(TerminalText.sanitize(text), keepNewlines: false)
            checkSanitized(TerminalText.sanitize(text, keepNewlines: true), keepNewlines: true)
        }
    }

    /// Every string in the article that the reader shows.
    static func strings(of article: Article) -> [String] {
        var out = [article.title]
        out += [article.subtitle, article.author, article.source, article.url].compactMap { $0 }
        out += article.tags + article.links + article.notes
        func walk(_ block: Block) {
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines): out += inlines.map(\.text)
            case .quote(let blocks): blocks.forEach(walk)
            case .list(_, _, let items): items.joined().forEach(walk)
            case .code(let text): out.append(text)
            case .rule: break
            case .table(let rows, _): out += rows.joined().joined().map(\.text)
            case .image(let alt): out.append(alt)
            }
        }
        article.body.forEach(walk)
        return out
    }

    static func linkNumbers(_ block: Block) -> [Int] {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.compactMap(\.linkNumber)
        case .quote(let blocks): return blocks.flatMap(linkNumbers)
        case .list(_, _, let items): return items.joined().flatMap(linkNumbers)
        case .table(let rows, _): return rows.joined().joined().compactMap(\.linkNumber)
        case .code, .rule, .image: return []
        }
    }

    /// Traps when `text` holds anything a terminal would act on: C0 controls (but "\n" when
    /// newlines are kept), DEL, C1 controls, ESC, bidi controls, line/paragraph separators,
    /// BOM, tag characters.
    public static func checkSanitized(_ text: String, keepNewlines: Bool) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let bad: Bool
            switch v {
            case 0x0A: bad = !keepNewlines
            case 0x00...0x1F, 0x7F...0x9F: bad = true
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: bad = true   // bidi
            case 0x2028, 0x2029, 0xFEFF, 0xE0000...0xE007F: bad = true
            default: bad = false
            }
            check(!bad, "sanitized text holds U+\(String(v, radix: 16, uppercase: true)) (keepNewlines: \(keepNewlines))")
        }
    }

    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property violated: \(message())") }
    }
}
