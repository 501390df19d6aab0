/**
 * The one nonlinear term of the AC equations in polar form, with its exact gradient and Hessian:
 *
 *   F(th1, th2, V1, V2) = d V1^2 + V1 V2 (alpha cos th + beta sin th),   th = th1 - th2
 *
 * Bus injections are sums of it (P_i: d = G_ii, alpha = G_ij, beta = B_ij; Q_i: d = -B_ii,
 * alpha = -B_ij, beta = G_ij), and so are branch end flows (with the branch's Yff and Yft). With
 * w = alpha cos th + beta sin th and u = -alpha sin th + beta cos th:
 *
 *   dF/dth1 = V1 V2 u = -dF/dth2,   dF/dV1 = 2 d V1 + V2 w,   dF/dV2 = V1 w
 *   d2F/dth1^2 = d2F/dth2^2 = -V1 V2 w = -d2F/dth1 dth2,   d2F/dth1 dV1 = V2 u,   d2F/dth1 dV2 = V1 u,
 *   d2F/dth2 dV1 = -V2 u,   d2F/dth2 dV2 = -V1 u,   d2F/dV1^2 = 2 d,   d2F/dV1 dV2 = w,   d2F/dV2^2 = 0
 *
 * Variables are ordered [th1, th2, V1, V2]; the Hessian is written row-major into 16 values.
 */

export function evaluatePolarTerm(
  v1: number,
  v2: number,
  th: number,
  d: number,
  alpha: number,
  beta: number,
  gradient: Float64Array,
  hessian: Float64Array,
): number {
  const c = Math.cos(th);
  const s = Math.sin(th);
  const w = alpha * c + beta * s;
  const u = -alpha * s + beta * c;
  const vv = v1 * v2;
  gradient[0] = vv * u;
  gradient[1] = -vv * u;
  gradient[2] = 2 * d * v1 + v2 * w;
  gradient[3] = v1 * w;
  const tt = -vv * w;
  // rows th1, th2, V1, V2
  hessian[0] = tt;
  hessian[1] = -tt;
  hessian[2] = v2 * u;
  hessian[3] = v1 * u;
  hessian[4] = -tt;
  hessian[5] = tt;
  hessian[6] = -v2 * u;
  hessian[7] = -v1 * u;
  hessian[8] = v2 * u;
  hessian[9] = -v2 * u;
  hessian[10] = 2 * d;
  hessian[11] = w;
  hessian[12] = v1 * u;
  hessian[13] = -v1 * u;
  hessian[14] = w;
  hessian[15] = 0;
  return d * v1 * v1 + vv * w;
}
