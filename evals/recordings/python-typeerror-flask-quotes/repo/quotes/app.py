from flask import Flask, jsonify, request

app = Flask(__name__)

# Yearly base premium per product, in euros.
BASE_RATES = {"car": 310.0, "home": 180.0, "travel": 24.0}


def risk_factor(age):
    """Risk loading by age band. 1.7.0 returns None for ages outside the table instead of
    the neutral 1.0 the old version used."""
    if age is None:
        return None
    if age < 25:
        return 1.45
    if age < 65:
        return 1.0
    if age < 80:
        return 1.3
    return None


@app.get("/healthz")
def healthz():
    return "ok"


@app.post("/api/quotes")
def create_quote():
    """Quotes a yearly premium for a product and the applicant's age (the mobile app
    sends no "age" for travel quotes)."""
    payload = request.get_json(force=True)
    product = payload.get("product", "car")
    if product not in BASE_RATES:
        return jsonify({"error": f"unknown product {product}"}), 400
    base_rate = BASE_RATES[product]
    premium = base_rate * risk_factor(payload.get("age"))
    return jsonify({"product": product, "premium": round(premium, 2)})
