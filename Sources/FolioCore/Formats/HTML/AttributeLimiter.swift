#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Caps the number of attributes a tag can have before libxml2 sees the page.
/// libxml2 compares each new attribute with every earlier one of the same tag,
/// so one tag with 100,000 attributes takes minutes; real tags have a few dozen.
/// Attributes past the cap are blanked out (replaced by spaces). Comments and
/// the raw text of `<script>`, `<style>` and the like are skipped, so that a
/// `<` in a script does not start a tag.
enum AttributeLimiter {
    static let maximum = 100

    /// The page with overlong tags cut down, or nil when no tag needs it.
    static func limit(_ bytes: [UInt8]) -> [UInt8]? {
        var cuts: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                i = next(0x3C, in: b, from: i)  // "<"
                guard i + 1 < n else { break }
                let next = b[i + 1]
                if next == 0x21, i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {  // "<!--"
                    i = find(b, "-->", from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                guard isLetter(next) else { i += 1; continue }
                // The tag name.
                var j = i + 1
                while j < n && (isLetter(b[j]) || (b[j] >= 0x30 && b[j] <= 0x39)) { j += 1 }
                let rawText = rawTextElement(b, i + 1..<j)
                // The attributes, up to the closing ">" outside quotes.
                var quote: UInt8 = 0
                var count = 0
                var cutFrom = -1
                var previousWasSpace = true
                while j < n {
                    let c = b[j]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == 0x3E {  // ">"
                        break
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x2F {
                        previousWasSpace = true
                        j += 1
                        continue
                    } else if previousWasSpace && c != 0x3D {  // a new attribute name starts
                        count += 1
                        if count > maximum && cutFrom < 0 { cutFrom = j }
                    }
                    previousWasSpace = false
                    j += 1
                }
                if cutFrom >= 0 { cuts.append(cutFrom..<j) }
                i = j + 1
                if let rawText {
                    i = find(b, "</" + rawText, from: i, caseInsensitive: true) ?? n
                }
            }
        }
        guard !cuts.isEmpty else { return nil }
        var result = bytes
        for cut in cuts { for k in cut { result[k] = 0x20 } }
        return result
    }

    private static let rawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    /// The name of the tag at `range` when its content is raw text (no tags inside).
    private static func rawTextElement(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard range.count >= 3, range.count <= 8 else { return nil }
        return rawTextElements.first { name in
            name.utf8.count == range.count && zip(name.utf8, range).allSatisfy { expected, k in
                (b[k] >= 0x41 && b[k] <= 0x5A ? b[k] + 0x20 : b[k]) == expected
            }
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// The first `byte` at or after `start`, or the end.
    private static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < b.count, let base = b.baseAddress, let hit = memchr(base + start, Int32(byte), b.count - start) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ text: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return nil }
        var i = start
        while true {
            i = next(first, in: b, from: i)
            guard i + needle.count <= b.count else { return nil }
            var k = 1
            while k < needle.count {
                var c = b[i + k]
                if caseInsensitive && c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != needle[k] { break }
                k += 1
            }
            if k == needle.count { return i }
            i += 1
        }
    }
}
