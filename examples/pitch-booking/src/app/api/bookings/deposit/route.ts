import { NextResponse } from 'next/server';
import { startDeposit } from '@/services/deposit';

export async function POST(req: Request) {
  const input = await req.json();
  return NextResponse.json(await startDeposit(input));
}
