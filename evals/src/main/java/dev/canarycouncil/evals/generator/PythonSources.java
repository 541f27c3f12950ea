package dev.canarycouncil.evals.generator;

/** Python sources of the newer scenarios. */
final class PythonSources {

    /** python-keyerror-django-cart: {@code TAX_RATES[cart.shipping_country]} at views.py:48. */
    static final String CART_VIEWS_PY = """
            from decimal import Decimal

            from django.http import JsonResponse
            from django.views.decorators.csrf import csrf_exempt
            from django.views.decorators.http import require_POST

            from .models import Cart

            # VAT by shipping country. 3.1.0 reads the rate here instead of asking the tax service,
            # which knew every EU country; this table does not.
            TAX_RATES = {
                "AT": Decimal("0.20"),
                "BE": Decimal("0.21"),
                "DE": Decimal("0.19"),
                "ES": Decimal("0.21"),
                "FR": Decimal("0.20"),
                "IT": Decimal("0.22"),
                "NL": Decimal("0.21"),
                "PL": Decimal("0.23"),
            }


            def _subtotal(cart):
                return sum((item.unit_price * item.quantity for item in cart.items.all()), Decimal("0"))


            def _shipping(cart):
                if cart.subtotal_cache and cart.subtotal_cache >= Decimal("50"):
                    return Decimal("0")
                return Decimal("4.90")


            @csrf_exempt
            @require_POST
            def cart_total(request):
                \"""Prices a cart: items, shipping and VAT for the shipping country.

                Called by the checkout page on every change to the cart, so it has to be fast and it
                must never fail: a failed total blocks checkout.
                \"""
                try:
                    cart = Cart.objects.prefetch_related("items").get(pk=request.session["cart_id"])
                except Cart.DoesNotExist:
                    return JsonResponse({"error": "no such cart"}, status=404)

                subtotal = _subtotal(cart)
                shipping = _shipping(cart)
                rate = TAX_RATES[cart.shipping_country]
                tax = ((subtotal + shipping) * rate).quantize(Decimal("0.01"))
                return JsonResponse({
                    "cart": cart.pk,
                    "subtotal": str(subtotal),
                    "shipping": str(shipping),
                    "tax": str(tax),
                    "total": str(subtotal + shipping + tax),
                })
            """;

    /** python-typeerror-flask-quotes: {@code base_rate * None} at app.py:37. */
    static final String QUOTES_APP_PY = """
            from flask import Flask, jsonify, request

            app = Flask(__name__)

            # Yearly base premium per product, in euros.
            BASE_RATES = {"car": 310.0, "home": 180.0, "travel": 24.0}


            def risk_factor(age):
                \"""Risk loading by age band. 1.7.0 returns None for ages outside the table instead of
                the neutral 1.0 the old version used.\"""
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
                \"""Quotes a yearly premium for a product and the applicant's age (the mobile app
                sends no "age" for travel quotes).\"""
                payload = request.get_json(force=True)
                product = payload.get("product", "car")
                if product not in BASE_RATES:
                    return jsonify({"error": f"unknown product {product}"}), 400
                base_rate = BASE_RATES[product]
                premium = base_rate * risk_factor(payload.get("age"))
                return jsonify({"product": product, "premium": round(premium, 2)})
            """;

    /** latency-regression-n-plus-one: one reviews query per product. */
    static final String CATALOG_VIEWS_PY = """
            from django.http import JsonResponse
            from django.views.decorators.http import require_GET

            from .models import Product


            @require_GET
            def product_list(request):
                \"""One page of the catalogue with stock and rating badges.

                4.2.0 shows the average rating on every card. It is read per product inside the loop,
                one query for each of the 48 products on a page.
                \"""
                category = request.GET.get("category")
                page = int(request.GET.get("page", "1"))
                products = Product.objects.filter(category__slug=category, active=True).select_related("stock")
                products = products.order_by("-popularity")[(page - 1) * 48:page * 48]
                cards = []
                for p in products:
                    reviews = p.reviews.filter(published=True)
                    rating = sum(r.stars for r in reviews) / len(reviews) if reviews else None
                    cards.append({
                        "sku": p.sku,
                        "name": p.name,
                        "price": str(p.price),
                        "in_stock": p.stock.quantity > 0,
                        "rating": rating,
                    })
                return JsonResponse({"page": page, "products": cards})
            """;

    private PythonSources() {}
}
