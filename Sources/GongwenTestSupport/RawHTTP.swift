import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to a server on this machine, for probing what a browser's HTTP client never sends:
/// a foreign Host header, half a request, a body that keeps coming after the answer. Blocking, with a time
/// limit on every read; loopback only.
public final class RawConnection {
    private let socket: Int32

    /// Connects to `port` on 127.0.0.1 (or on [::1] with `ipv6`).
    public init(port: Int, timeout: Double = 5, overIPv6: Bool = false) throws {
        var made: Int32 = -1
        var ipv4 = sockaddr_in()
        ipv4.sin_family = sa_family_t(AF_INET)
        ipv4.sin_port = in_port_t(UInt16(port).bigEndian)
        ipv4.sin_addr.s_addr = inet_addr("127.0.0.1")
        var ipv6 = sockaddr_in6()
        ipv6.sin6_family = sa_family_t(AF_INET6)
        ipv6.sin6_port = in_port_t(UInt16(port).bigEndian)
        ipv6.sin6_addr = in6addr_loopback
        for family in [overIPv6 ? AF_INET6 : AF_INET] {
            let candidate = Glibc.socket(family, Int32(SOCK_STREAM.rawValue), 0)
            guard candidate >= 0 else { continue }
            let result =
                family == AF_INET
                ? withUnsafePointer(to: &ipv4) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(candidate, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                : withUnsafePointer(to: &ipv6) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(candidate, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                    }
                }
            if result == 0 {
                made = candidate
                break
            }
            close(candidate)
        }
        guard made >= 0 else { throw POSIXError(.ECONNREFUSED) }
        socket = made
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// Sends `bytes`; false once the server has closed the connection (or stopped reading past the limit).
    @discardableResult
    public func send(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(socket, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    @discardableResult
    public func send(_ text: String) -> Bool { send(Data(text.utf8)) }

    /// What the server sends until it closes the connection, `limit` bytes are read, or a read times out.
    public func receive(limit: Int = 1 << 20) -> Data {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while received.count < limit {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    /// Whether the server has closed the connection: a read returns end of file (or a reset) within `timeout`.
    public func isClosedByServer() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }
}

/// Runs blocking socket work on a thread of its own: a server under test answers on Swift's cooperative pool
/// (two threads on two cores), which a test blocking in `recv` would otherwise starve.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
