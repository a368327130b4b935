//! The document store. STUB.
