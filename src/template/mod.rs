//! The national report format (国办公开办函〔2021〕30号) as data. STUB.
