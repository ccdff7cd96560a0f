from tests.claims.conftest import claims_of, kb

__all__ = ["claims_of", "kb"]
