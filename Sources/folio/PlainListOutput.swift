import FolioCore
import Foundation
import TermKit

/// The plain output of `folio list`: one tab-separated line per article
/// (read|unread, day, minutes, title, source, path), built as UTF-8 bytes in
/// a buffer of its own (a field is copied once, straight from its String).
///
/// A value owns its buffer: it is not meant to be copied and both copies written.
struct PlainListOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// The last day written (as `appendDay` numbers it) and its 10 bytes.
    private var lastDay: (number: Int, text: (UInt64, UInt16)) = (.min, (0, 0))
    /// Frees the buffer when the output goes.
    private var owner: Owner

    private final class Owner {
        let base: UnsafeMutablePointer<UInt8>
        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }
        deinit { base.deallocate() }
    }

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    /// The lines written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the lines written so far, in place.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets the lines written so far, keeping the buffer.
    mutating func removeAll() {
        count = 0
    }

    mutating func append(_ article: ArticleSummary, read: Bool) {
        withUnsafePointer(to: article) { append($0, read: read) }
    }

    /// (Through a pointer, so that the summary is read in place, not copied for the call.)
    @inline(__always)
    mutating func append(_ article: UnsafePointer<ArticleSummary>, read: Bool) {
        if read { write("read\t") } else { write("unread\t") }
        if let date = article.pointee.date { appendDay(date) } else { write(byte: UInt8(ascii: "-")) }
        write(byte: UInt8(ascii: "\t"))
        appendNumber(article.pointee.readingMinutes)
        write("m\t")
        // (The sanitizer turns tabs into spaces, so fields never run into each other.)
        appendField(article.pointee.title)
        write(byte: UInt8(ascii: "\t"))
        if let source = article.pointee.source { appendField(source) } else { write(byte: UInt8(ascii: "-")) }
        write(byte: UInt8(ascii: "\t"))
        appendField(article.pointee.path, isPath: true)
        write(byte: UInt8(ascii: "\n"))
    }

    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(needed, capacity * 2)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        new.update(from: base, count: count)
        base = new
        capacity = larger
        owner = Owner(new)
    }

    @inline(__always)
    private mutating func write(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A field as `TerminalText.sanitize` gives it (a path first as `PathCoding.display`
    /// gives it): printable ASCII, which both return unchanged, is copied as it is.
    private mutating func appendField(_ text: String, isPath: Bool = false) {
        let plain = text.utf8.withContiguousStorageIfAvailable { field -> Bool in
            guard Self.isPrintableASCII(field) else { return false }
            write(field)
            return true
        } ?? false
        if !plain {
            var shown = TerminalText.sanitize(isPath ? PathCoding.display(text) : text)
            shown.withUTF8 { write($0) }
        }
    }

    /// Every byte is in 0x20...0x7E (tested 8 at a time).
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self))
            // A byte below 0x20, or one from 0x7F up (adding 1 sets its high bit, or it had it).
            let below = (word &- ones &* 0x20) & ~word & highs
            let above = ((word &+ ones) | word) & highs
            if below | above != 0 { return false }
            i += 8
        }
        while i < count {
            let byte = start[i]
            if byte < 0x20 || byte >= 0x7F { return false }
            i += 1
        }
        return true
    }

    /// A count as `String(n)` writes it.
    private mutating func appendNumber(_ n: Int) {
        guard n >= 0 else {
            var text = String(n)
            text.withUTF8 { write($0) }
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of Int.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            var rest = n
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            write(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[at...]))
        }
    }

    /// `DateParser.isoDay`, its digits written here for years 0...9999; the day
    /// before is written again without working out its date (lines come newest first).
    private mutating func appendDay(_ date: Date) {
        // The day number as `CivilDate` counts it.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let number = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        reserve(10)
        if number == lastDay.number {
            withUnsafeBytes(of: lastDay.text) { (base + count).update(from: $0.bindMemory(to: UInt8.self).baseAddress!, count: 10) }
            count += 10
            return
        }
        let day = CivilDate(date)
        guard (0...9999).contains(day.year) else {
            var text = DateParser.isoDay(date)
            text.withUTF8 { write($0) }
            return
        }
        func put(_ value: Int, _ width: Int, at offset: Int) {
            var value = value
            for i in (0..<width).reversed() {
                base[count + offset + i] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(day.year, 4, at: 0)
        base[count + 4] = UInt8(ascii: "-")
        put(day.month, 2, at: 5)
        base[count + 7] = UInt8(ascii: "-")
        put(day.day, 2, at: 8)
        lastDay.number = number
        withUnsafeMutableBytes(of: &lastDay.text) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + count, count: 10)) }
        count += 10
    }
}
