//! The one HTTP client of `fetch`: blocking, with connect and read
//! timeouts, so an unreachable service ends the run within seconds instead
//! of hanging on a dead connection.

use super::error::{FetchError, Service};
use std::time::Duration;

/// A response body larger than this is not one of the answers we ask for
/// (a gemeente's buurten are a few MB, the national DUO list about 2 MB).
const MAX_BODY: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    /// Waiting for the answer to start, and for each read of it after.
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
        }
    }
}

pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new(t: Timeouts) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_resolve(Some(t.connect))
            .timeout_connect(Some(t.connect))
            .timeout_recv_response(Some(t.read))
            .timeout_per_read(Some(t.read))
            // The status is reported with the URL and what to download by
            // hand; ureq's own error would say only the number.
            .http_status_as_error(false)
            .user_agent(concat!("buurtradar/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: config.into(),
        }
    }

    /// The body of a successful GET, or an error naming the URL, the
    /// reason and where to get the file by hand.
    pub fn get(&self, url: &str, service: &Service) -> Result<Vec<u8>, FetchError> {
        let network = |e: ureq::Error| FetchError::Network {
            url: url.to_string(),
            reason: reason(&e),
            hand: service.hand_page(),
        };
        let mut resp = self.agent.get(url).call().map_err(network)?;
        let status = resp.status();
        if !status.is_success() {
            return Err(FetchError::Http {
                url: url.to_string(),
                status: status.as_u16(),
                reason: status.canonical_reason().unwrap_or_default().to_string(),
                hand: service.hand_page(),
            });
        }
        resp.body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(network)
    }
}

/// The cause in words, innermost first where ureq wraps an I/O error.
fn reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Io(io) => io.to_string(),
        ureq::Error::Timeout(t) => format!("timeout ({t})"),
        other => other.to_string(),
    }
}

/// Percent-encode a query value (RFC 3986 unreserved characters stay).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 2);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_odata_filters() {
        assert_eq!(
            encode("startswith(Key,'GM') or x"),
            "startswith%28Key%2C%27GM%27%29%20or%20x"
        );
    }
}
