import Foundation

/// Turns a file's bytes into text: BOMs for UTF-8 and UTF-16, else UTF-8 with
/// invalid sequences as U+FFFD, else (when it is mostly not UTF-8, or has more bytes
/// that are not UTF-8 than non-ASCII characters that are) Windows-1252.
public enum TextDecoding {
    public enum Failure: Error, Equatable {
        case binary
    }

    public struct Decoded: Equatable {
        public var text: String
        /// Set when the text was not valid UTF-8 and another encoding was assumed.
        public var note: String?
    }

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false)) }
        if looksBinary(bytes) { throw .binary }
        // Valid UTF-8 (nearly every file) has no invalid bytes to count.
        if let valid = validatedUTF8(bytes) { return Decoded(text: valid) }
        // Text in a single-byte encoding has high bytes that are not UTF-8 and few or no
        // valid multi-byte sequences; UTF-8 with a stray bad byte has many of them.
        let invalid = invalidUTF8Count(bytes)
        if invalid > 0 && (invalid * 50 > bytes.count || invalid >= multiByteUTF8Count(bytes)) {
            return Decoded(text: windows1252(bytes), note: "not UTF-8; read as Windows-1252")
        }
        return Decoded(text: String(decoding: bytes, as: UTF8.self))
    }

    /// `String(validating: bytes, as: UTF8.self)`, without reading long ASCII runs a byte at a time.
    /// The standard library passes over text that is all ASCII quickly, but reads the whole of any
    /// other text a byte at a time. Here each run of at least `asciiPieceBytes` ASCII bytes is made a
    /// String of its own (the fast case), and the bytes between such runs another; the pieces are
    /// joined. A cut next to an ASCII byte splits no scalar, and an ASCII byte is never part of an
    /// invalid sequence's bytes with its neighbours, so the bytes are valid exactly when every
    /// piece is, and the joined String holds the same bytes.
    static func validatedUTF8(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { all -> String? in
            let n = all.count
            guard let base = all.baseAddress else { return String(validating: all, as: UTF8.self) }
            var result = ""
            /// Where the bytes not yet joined start, and where the ASCII run being read started.
            var pending = 0
            var run = 0
            var i = 0
            @inline(__always) func join(_ from: Int, _ to: Int) -> Bool {
                guard from < to else { return true }
                guard let piece = String(validating: UnsafeBufferPointer(rebasing: all[from..<to]), as: UTF8.self) else { return false }
                if result.isEmpty { result.reserveCapacity(n) }
                result.append(piece)
                return true
            }
            while true {
                // The next byte past ASCII, eight bytes at a time.
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                while i < n, all[i] < 0x80 { i += 1 }
                if i == n { break }
                if i - run >= asciiPieceBytes {
                    // A long ASCII run: the bytes before it, then the run itself.
                    guard join(pending, run), join(run, i) else { return nil }
                    pending = i
                }
                // Past the bytes that are not ASCII; the next ASCII run starts after them.
                while i < n, all[i] >= 0x80 { i += 1 }
                run = i
            }
            if run > 0 && n - run >= asciiPieceBytes {
                guard join(pending, run), join(run, n) else { return nil }
            } else if pending == 0 {
                // All ASCII, or no run long enough to be a piece: the whole at once.
                return String(validating: all, as: UTF8.self)
            } else {
                guard join(pending, n) else { return nil }
            }
            return result
        }
    }

    /// The shortest ASCII run `validatedUTF8` makes a piece of (shorter ones are read with their neighbours).
    static var asciiPieceBytes: Int { 64 }

    /// A file with NUL bytes or many control bytes is not text.
    /// Only bytes below 0x20 are looked at one by one: eight bytes with none are passed at once.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            let n = min(all.count, 8192)
            var controls = 0
            var i = 0
            @inline(__always) func isControl(_ b: UInt8) -> Bool {
                b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B
            }
            if let base = all.baseAddress {
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    // Nonzero exactly when some byte is below 0x20 (the high bit of the first such byte is set).
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                        for k in i..<(i + 8) {
                            let b = all[k]
                            if b == 0 { return true }
                            if isControl(b) { controls += 1 }
                        }
                    }
                    i += 8
                }
            }
            while i < n {
                let b = all[i]
                if b == 0 { return true }
                if isControl(b) { controls += 1 }
                i += 1
            }
            return controls * 10 > n
        }
    }

    static func invalidUTF8Count(_ bytes: [UInt8]) -> Int {
        var count = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: count += 1
            }
        }
        return count
    }

    static func multiByteUTF8Count(_ bytes: [UInt8]) -> Int {
        var count = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if !scalar.isASCII { count += 1 }
            case .emptyInput: break loop
            case .error: continue
            }
        }
        return count
    }

    static func utf16<C: Collection<UInt8>>(_ bytes: C, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let a = iterator.next(), let b = iterator.next() {
            units.append(littleEndian ? UInt16(b) << 8 | UInt16(a) : UInt16(a) << 8 | UInt16(b))
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Windows-1252 (a superset of Latin-1 for printable text).
    public static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
