//! The Dutch/English string catalogue shared by every front end.
